package no.krr.security;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import no.krr.web.BearerChallenge;
import no.krr.web.Problem;

/**
 * What the two token doors share: the bearer token of the request, verified by the door's
 * {@link TokenVerifier}. A token the verifier rejects is 401 {@code invalid_token} with one log line
 * (the reason, never the token); the issuer's keys unreachable is 503. For a good token the door
 * decides its roles; the token with them becomes the request's {@code JsonWebToken}
 * ({@link VerifiedToken}, in the request's {@link CallerToken}) and the principal of the request's
 * {@link SecurityContext}, whose roles {@code @RolesAllowed} then checks.
 */
abstract class BearerAuthentication implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";

    @Inject
    CallerToken caller;

    /** The door's verifier; empty when the door is closed (every token is refused). */
    abstract Optional<TokenVerifier> verifier() throws TokenVerifier.KeysUnavailable;

    /** Answers a request that sent no bearer token. */
    abstract void missingToken(ContainerRequestContext request);

    /**
     * The token of a request that sent no {@code Authorization} header but holds one otherwise (the
     * console's session); checked exactly as a bearer token. Empty by default.
     */
    Optional<String> tokenWithoutHeader(ContainerRequestContext request) {
        return Optional.empty();
    }

    /**
     * The caller's roles (the token's groups), or empty after the door aborted the request itself (a
     * token that is valid but not acceptable here).
     */
    abstract Optional<Set<String>> roles(ContainerRequestContext request, JWTClaimsSet claims);

    /** What the 401 of a refused token says to the caller. */
    String rejectedDetail() {
        return "The access token is invalid, expired, not yet valid or not signed by the trusted issuer.";
    }

    Logger log() {
        return Logger.getLogger(getClass().getName());
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Optional<String> token = authorization == null ? tokenWithoutHeader(request) : bearer(authorization);
        if (token.isEmpty()) {
            missingToken(request);
            return;
        }
        JWTClaimsSet claims;
        try {
            Optional<TokenVerifier> verifier = verifier();
            if (verifier.isEmpty()) {
                log().info("Rejected access token: this door accepts no tokens (not configured)");
                request.abortWith(invalidToken(401, "This service is not configured to accept these tokens."));
                return;
            }
            claims = verifier.get().verify(token.get());
        } catch (TokenVerifier.Rejected e) {
            log().info(() -> "Rejected access token: " + RejectedTokenLog.reason(e));
            request.abortWith(invalidToken(401, rejectedDetail()));
            return;
        } catch (TokenVerifier.KeysUnavailable e) {
            log().log(Level.WARNING, "Cannot check access tokens: " + RejectedTokenLog.reason(e));
            request.abortWith(Problem.of(503, "keys-unavailable", "Service unavailable",
                            "The issuer's signing keys cannot be fetched just now; try again shortly.")
                    .response().header("Retry-After", "5").build());
            return;
        }
        Optional<Set<String>> roles = roles(request, claims);
        if (roles.isEmpty()) {
            return;
        }
        VerifiedToken verified = new VerifiedToken(token.get(), claims, roles.get());
        caller.accept(verified);
        authenticate(request, verified);
    }

    private static Optional<String> bearer(String authorization) {
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        return Optional.of(authorization.substring(BEARER.length()).trim()).filter(token -> !token.isEmpty());
    }

    static Response invalidToken(int status, String detail) {
        return Problem.of(status, "invalid-token", "Invalid access token", detail)
                .response()
                .header(BearerChallenge.HEADER, BearerChallenge.invalidToken("the access token is invalid, expired or not yet valid"))
                .build();
    }

    /** The token is the principal, its groups the roles: what the MP-JWT API asks of the security context. */
    private static void authenticate(ContainerRequestContext request, VerifiedToken token) {
        boolean secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return token;
            }

            @Override
            public boolean isUserInRole(String role) {
                return token.getGroups().contains(role);
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
