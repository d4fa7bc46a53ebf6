package no.krr.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import no.krr.web.BearerChallenge;
import no.krr.web.Problem;

/**
 * What Jersey's {@code @RolesAllowed} check raises, as problem details with the bearer challenge:
 * a 403 names the scopes that would have been enough; a 401 there means no token was sent at all
 * (a bad token never gets this far: the token filters answer it). More specific than the general
 * {@code WebApplicationException} mapper of {@code web}, so JAX-RS picks these.
 */
public final class RoleCheckFailures {

    private RoleCheckFailures() {
    }

    @Provider
    public static class NoToken implements ExceptionMapper<NotAuthorizedException> {

        @Override
        public Response toResponse(NotAuthorizedException exception) {
            return Problem.of(401, "missing-token", "Authentication required",
                            "Send an access token as 'Authorization: Bearer <token>'.")
                    .response().header(BearerChallenge.HEADER, BearerChallenge.none()).build();
        }
    }

    @Provider
    public static class MissingScope implements ExceptionMapper<ForbiddenException> {

        @Context
        private ResourceInfo resourceInfo;

        @Inject
        private AuthSettings auth;

        @Override
        public Response toResponse(ForbiddenException exception) {
            String needed = neededScopes();
            return Problem.of(403, "insufficient-scope", "Insufficient scope",
                            "The access token lacks the scope this operation needs: " + needed + ".")
                    .response().header(BearerChallenge.HEADER, BearerChallenge.insufficientScope(needed)).build();
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
}
