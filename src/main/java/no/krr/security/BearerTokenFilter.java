package no.krr.security;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.Set;
import no.krr.web.BearerChallenge;

/**
 * The door of the user API: an ID-porten access token ({@link AccessTokens}). No token at all is 401
 * with a bare challenge; the token's scopes become its roles, the {@code JsonWebToken}'s groups
 * ({@link AuthSettings#rolesFor}).
 *
 * <p>The service checks tokens itself rather than through Payara's MicroProfile JWT mechanism:
 * that mechanism runs inside Jakarta Security's JASPIC bridge, which failed a JNDI lookup (an
 * exception, a new naming context) twice on every request, and together with the JWT handling it
 * took more than half the CPU of a GET (bench/RESULTS.md). The checks themselves are Nimbus's.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class BearerTokenFilter extends BearerAuthentication {

    @Inject
    AccessTokens tokens;

    @Inject
    AuthSettings settings;

    @Override
    Optional<TokenVerifier> verifier() throws TokenVerifier.KeysUnavailable {
        return Optional.of(tokens.verifier());
    }

    @Override
    void missingToken(ContainerRequestContext request) {
        throw new NotAuthorizedException(BearerChallenge.none());
    }

    @Override
    Optional<Set<String>> roles(ContainerRequestContext request, JWTClaimsSet claims) {
        String scope = claims.getClaim("scope") instanceof String text ? text : "";
        return Optional.of(settings.rolesFor(ScopeFieldGroups.scopesOf(scope)));
    }
}
