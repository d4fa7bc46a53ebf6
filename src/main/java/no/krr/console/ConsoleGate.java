package no.krr.console;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import no.krr.security.OperatorSession;

/**
 * The console's page is served only to a logged-in operator: without a session (or once its access
 * token has expired) the browser is sent to the login. The scripts and styles are served to
 * anyone: they hold no data, and every call they make is checked by the admin API.
 */
@WebFilter(filterName = "console-gate", urlPatterns = {"/console", "/console/", "/console/index.html"})
public class ConsoleGate extends HttpFilter {

    @Inject
    Clock clock;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Cache-Control", "no-store");
        boolean loggedIn = OperatorSession.of(request).filter(o -> o.expiresAt().isAfter(clock.instant())).isPresent();
        if (!loggedIn) {
            response.sendRedirect(request.getContextPath() + ConsoleAuthServlet.LOGIN);
            return;
        }
        if (request.getServletPath().equals("/console")) {
            response.sendRedirect(request.getContextPath() + "/console/");
            return;
        }
        chain.doFilter(request, response);
    }
}
