package no.krr.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /swagger-ui} without the slash. Left to the container, its mapper answers with its own
 * "Document moved" HTML page before any filter runs, so without {@link SecurityHeaders}; mapped
 * here, the redirect passes the filter and has no body.
 */
@WebServlet(urlPatterns = "/swagger-ui")
public class SwaggerUiRedirect extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
        response.setHeader("Location", request.getContextPath() + "/swagger-ui/");
        response.setContentLength(0);
    }
}
