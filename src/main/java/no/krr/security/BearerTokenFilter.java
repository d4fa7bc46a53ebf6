package no.krr.security;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import no.krr.web.BearerChallenge;
import no.krr.web.Problem;

/**
 * Authenticates every request of the API it is registered in (the user API and the admin API) by
 * its bearer token: none at all is 401 with a bare challenge, a token {@link TokenVerifier} rejects
 * is 401 {@code invalid_token} with one log line (the reason, never the token), and a good one
 * becomes the request's {@link SecurityContext}: its roles are the token's scopes
 * ({@link AuthSettings#rolesFor}), which {@code @RolesAllowed} then checks, and its claims are the
 * request's {@link CallerToken}.
 *
 * <p>The service checks tokens itself rather than through Payara's MicroProfile JWT mechanism:
 * that mechanism runs inside Jakarta Security's JASPIC bridge, which failed a JNDI lookup (an
 * exception, a new naming context) twice on every request, and together with the JWT handling it
 * took more than half the CPU of a GET (bench/RESULTS.md). The checks themselves are Nimbus's.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class BearerTokenFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(BearerTokenFilter.class.getName());
    private static final String BEARER = "Bearer ";

    @Inject
    AccessTokens tokens;

    @Inject
    AuthSettings settings;

    @Inject
    CallerToken caller;

    @Override
    public void filter(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || authorization.length() == BEARER.length()) {
            throw new NotAuthorizedException(BearerChallenge.none());
        }
        JWTClaimsSet claims;
        try {
            claims = tokens.verifier().verify(authorization.substring(BEARER.length()).trim());
        } catch (TokenVerifier.Rejected e) {
            LOG.info(() -> "Rejected access token: " + RejectedTokenLog.reason(e));
            request.abortWith(Problem.of(401, "invalid-token", "Invalid access token",
                            "The access token is invalid, expired, not yet valid or not signed by the trusted issuer.")
                    .response()
                    .header(BearerChallenge.HEADER, BearerChallenge.invalidToken("the access token is invalid, expired or not yet valid"))
                    .build());
            return;
        } catch (TokenVerifier.KeysUnavailable e) {
            LOG.log(Level.WARNING, "Cannot check access tokens: " + RejectedTokenLog.reason(e));
            request.abortWith(Problem.of(503, "keys-unavailable", "Service unavailable",
                            "The issuer's signing keys cannot be fetched just now; try again shortly.")
                    .response().header("Retry-After", "5").build());
            return;
        }
        caller.accept(claims);
        Set<String> roles = settings.rolesFor(caller.scopes());
        Principal principal = claims::getSubject;
        boolean secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return principal;
            }

            @Override
            public boolean isUserInRole(String role) {
                return roles.contains(role);
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return "Bearer";
            }
        });
    }
}
