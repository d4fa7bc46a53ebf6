package no.krr.security;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.Set;
import no.krr.web.BearerChallenge;
import no.krr.web.Problem;

/**
 * The door of the admin API: a token of the agency's own identity provider ({@link AdminTokens}),
 * never an ID-porten token. The role {@link AuthSettings#ADMIN_ROLE} comes from the admin scope
 * ({@link AdminAccess}); a token without it gets no role (403 from {@code @RolesAllowed}), a token
 * that names a person is refused here (403). The token comes from {@code Authorization: Bearer}, or,
 * without that header, from the console's session ({@link OperatorSession}).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AdminTokenFilter extends BearerAuthentication {

    @Inject
    AdminTokens tokens;

    @Inject
    AuthSettings settings;

    @Context
    HttpServletRequest servletRequest;

    @Override
    Optional<TokenVerifier> verifier() throws TokenVerifier.KeysUnavailable {
        return tokens.verifier();
    }

    @Override
    String rejectedDetail() {
        return "The access token is not a valid admin token: invalid, expired, not yet valid, not for this API, "
                + "or not signed by the admin issuer.";
    }

    /** The access token of the operator logged in to the console ({@link OperatorSession}); its CSRF header is checked by {@link ConsoleCsrfFilter}. */
    @Override
    Optional<String> tokenWithoutHeader(ContainerRequestContext request) {
        return OperatorSession.of(servletRequest).map(OperatorSession::accessToken);
    }

    @Override
    void missingToken(ContainerRequestContext request) {
        request.abortWith(Problem.of(401, "missing-token", "Authentication required",
                        "Send an access token of the admin issuer as 'Authorization: Bearer <token>'.")
                .response().header(BearerChallenge.HEADER, BearerChallenge.none()).build());
    }

    @Override
    Optional<Set<String>> roles(ContainerRequestContext request, JWTClaimsSet claims) {
        return switch (AdminAccess.of(claims, settings.adminScope())) {
            case OPERATOR -> Optional.of(Set.of(AuthSettings.ADMIN_ROLE));
            case LACKS_SCOPE -> Optional.of(Set.of());
            case NAMES_A_PERSON -> {
                log().info("Refused admin token: it names a person (pid claim)");
                request.abortWith(Problem.of(403, "person-token", "Not an operator's token",
                                "The admin API does not accept a token that names a person (pid claim).")
                        .response()
                        .header(BearerChallenge.HEADER, BearerChallenge.insufficientScope(settings.adminScope()))
                        .build());
                yield Optional.empty();
            }
        };
    }
}
