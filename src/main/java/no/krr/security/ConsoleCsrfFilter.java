package no.krr.security;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import java.util.logging.Logger;
import no.krr.web.Problem;

/**
 * A state-changing admin call that rides on the console's session cookie must send the session's
 * CSRF token in {@value OperatorSession#CSRF_HEADER} (403 otherwise). The cookie is
 * {@code SameSite=Strict} already; the header is the second lock, for a browser or a proxy that
 * drops the attribute. A call with its own {@code Authorization} header is not a console call and
 * needs no CSRF token: no other site can make a browser send that header.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 10)
public class ConsoleCsrfFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(ConsoleCsrfFilter.class.getName());
    static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        if (SAFE_METHODS.contains(request.getMethod()) || request.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
            return;
        }
        OperatorSession.of(servletRequest)
                .filter(operator -> !operator.csrfMatches(request.getHeaderString(OperatorSession.CSRF_HEADER)))
                .ifPresent(operator -> {
                    LOG.info(() -> "Refused a console call without its CSRF token: " + request.getMethod() + " by "
                            + operator.subject());
                    request.abortWith(Problem.of(403, "csrf-token", "Missing CSRF token",
                            "A change from the console must send the session's " + OperatorSession.CSRF_HEADER
                                    + " header; reload the page.").response().build());
                });
    }
}
