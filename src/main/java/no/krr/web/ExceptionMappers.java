package no.krr.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import no.krr.person.NationalId;
import no.krr.security.AuthSettings;

/** Turns every JAX-RS failure into RFC 9457 problem details. */
public final class ExceptionMappers {

    private ExceptionMappers() {
    }

    /**
     * Failures JAX-RS and the role check raise themselves. A 403 from {@code @RolesAllowed} names
     * the scopes that would have been enough; a 401 there means no token was sent at all (a bad
     * token never gets this far: the container's error page answers it).
     */
    @Provider
    public static class WebApplication implements ExceptionMapper<WebApplicationException> {

        @Context
        private ResourceInfo resourceInfo;

        @Inject
        private AuthSettings auth;

        @Override
        public Response toResponse(WebApplicationException exception) {
            if (exception instanceof NotAuthorizedException) {
                return Problem.of(401, "missing-token", "Authentication required",
                                "Send an ID-porten access token as 'Authorization: Bearer <token>'.")
                        .response().header(BearerChallenge.HEADER, BearerChallenge.none()).build();
            }
            if (exception instanceof ForbiddenException) {
                String needed = neededScopes();
                return Problem.of(403, "insufficient-scope", "Insufficient scope",
                                "The access token lacks the scope this operation needs: " + needed + ".")
                        .response().header(BearerChallenge.HEADER, BearerChallenge.insufficientScope(needed)).build();
            }
            Response original = exception.getResponse();
            int status = original.getStatus();
            Response.ResponseBuilder builder = Problem.ofStatus(status, detailOf(exception, status)).response();
            original.getHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type")) {
                    values.forEach(value -> builder.header(name, value));
                }
            });
            return builder.build();
        }

        private String detailOf(WebApplicationException exception, int status) {
            // JAX-RS's own messages (406, 415, …) are generic; ours are written for the caller
            return exception.getClass().getPackageName().startsWith("no.krr") ? exception.getMessage() : null;
        }

        private String neededScopes() {
            Method method = resourceInfo.getResourceMethod();
            RolesAllowed roles = Optional.ofNullable(method)
                    .map(m -> m.getAnnotation(RolesAllowed.class))
                    .or(() -> Optional.ofNullable(resourceInfo.getResourceClass())
                            .map(c -> c.getAnnotation(RolesAllowed.class)))
                    .orElse(null);
            if (roles == null) {
                return "";
            }
            // name the current scopes; the legacy ones are accepted but not advertised
            return Arrays.stream(roles.value())
                    .map(role -> AuthSettings.ADMIN_ROLE.equals(role) ? auth.adminScope() : role)
                    .filter(role -> !role.startsWith("user/"))
                    .collect(Collectors.joining(" "));
        }
    }

    /** Anything else is our fault: logged once, with the path that failed (a national id in it masked), answered without internals. */
    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {

        private static final Logger LOG = Logger.getLogger(Unexpected.class.getName());

        @Context
        private UriInfo uriInfo;

        @Override
        public Response toResponse(Throwable exception) {
            String path = Optional.ofNullable(uriInfo).map(u -> u.getRequestUri().getRawPath()).orElse("?");
            LOG.log(Level.SEVERE, "Unhandled failure on " + NationalId.maskAll(path), exception);
            return Problem.ofStatus(500, "The server failed to handle the request.").response().build();
        }
    }
}
