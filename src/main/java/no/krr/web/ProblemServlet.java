package no.krr.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import no.krr.person.NationalId;

/**
 * The error page for errors the container raises outside JAX-RS: unknown paths, methods, header
 * fields JAX-RS cannot parse, ranges of static files, uncaught failures (and a 401 or 403, should
 * the container ever send one, with the RFC 6750 challenge). Answers RFC 9457 problem details.
 */
@WebServlet(urlPatterns = "/problem")
public class ProblemServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ProblemServlet.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Optional<Throwable> failure = Optional.ofNullable(request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))
                .filter(Throwable.class::isInstance).map(Throwable.class::cast);
        int status = ContainerFailure.statusFor(code instanceof Integer i ? i : HttpServletResponse.SC_NOT_FOUND, failure);
        Problem problem = Problem.ofStatus(status, null);
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            boolean bearerSent = hasBearerToken(request);
            response.setHeader(BearerChallenge.HEADER, bearerSent
                    ? BearerChallenge.invalidToken("the access token is invalid, expired or not yet valid")
                    : BearerChallenge.none());
            problem = bearerSent
                    ? Problem.of(401, "invalid-token", "Invalid access token",
                            "The access token is invalid, expired, not yet valid or not signed by the trusted issuer.")
                    : Problem.of(401, "missing-token", "Authentication required",
                            "Send an ID-porten access token as 'Authorization: Bearer <token>'.");
        } else if (status >= 500) {
            // the URI may name a person (/admin/v1/persons/{pid}/audit)
            failure.ifPresent(t -> LOG.log(Level.SEVERE, "Unhandled failure on "
                    + NationalId.maskAll(String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI))), t));
        }
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Vary", "Accept, Authorization");
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(problem.toJson());
    }

    private static boolean hasBearerToken(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && authorization.length() > 7;
    }
}
