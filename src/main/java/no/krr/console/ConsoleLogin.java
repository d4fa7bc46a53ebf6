package no.krr.console;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.krr.security.AdminAccess;
import no.krr.security.AdminTokens;
import no.krr.security.AuthSettings;
import no.krr.security.ClaimShape;
import no.krr.security.KeySources;
import no.krr.security.OperatorSession;
import no.krr.security.TokenVerifier;

/**
 * The console's OpenID Connect login against the admin issuer: the authorization request (code
 * flow, PKCE S256, state, nonce), and the end of it: the code exchanged, the ID token checked
 * (signature by the issuer's keys, {@code iss}, {@code aud} = the console's client id,
 * {@code nonce}, times), and the access token checked exactly as the admin API checks it
 * ({@link AdminTokens}, {@link AdminAccess}). Only an operator gets a session: a token that names a
 * person (a citizen's login) or lacks the admin scope gets none.
 */
@ApplicationScoped
public class ConsoleLogin {

    /** The login's outcome. */
    public sealed interface Outcome {
        record LoggedIn(OperatorSession operator) implements Outcome {
        }

        /** No session; {@code reason} for the operator (Norwegian), {@code logReason} for the log. */
        record Refused(int status, String reason, String logReason) implements Outcome {
        }
    }

    @Inject
    ConsoleSettings settings;

    @Inject
    OpenIdProvider provider;

    @Inject
    AdminTokens adminTokens;

    @Inject
    AuthSettings authSettings;

    @Inject
    Clock clock;

    private volatile TokenVerifier idTokens;

    /** Where to send the browser for this attempt. */
    public URI authorizationRequest(LoginAttempt attempt, URI redirectUri) throws OpenIdProvider.Unavailable {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", settings.clientId());
        query.put("redirect_uri", redirectUri.toString());
        query.put("scope", settings.scope());
        query.put("state", attempt.state());
        query.put("nonce", attempt.nonce());
        query.put("code_challenge", attempt.pkce().challenge());
        query.put("code_challenge_method", Pkce.METHOD);
        return QueryStrings.append(provider.metadata().authorizationEndpoint(), query);
    }

    /** Exchanges the callback's code and decides whether its operator gets a session. */
    public Outcome finish(LoginAttempt attempt, Callback.Code code, URI redirectUri, String csrfToken) {
        OpenIdProvider.Tokens tokens;
        JWTClaimsSet idClaims;
        JWTClaimsSet accessClaims;
        try {
            tokens = provider.exchange(code.code(), redirectUri, attempt.pkce());
        } catch (OpenIdProvider.Unavailable e) {
            return new Outcome.Refused(502, "Innloggingen kunne ikke fullføres hos identitetsleverandøren. Prøv igjen.",
                    e.getMessage());
        }
        try {
            idClaims = idTokenVerifier().verify(tokens.idToken());
        } catch (TokenVerifier.Rejected | TokenVerifier.KeysUnavailable | OpenIdProvider.Unavailable e) {
            return new Outcome.Refused(401, "Innloggingen kunne ikke bekreftes. Logg inn på nytt.",
                    "ID token refused: " + e.getMessage());
        }
        if (!attempt.nonce().equals(idClaims.getClaim("nonce"))) {
            return new Outcome.Refused(401, "Innloggingen kunne ikke bekreftes. Logg inn på nytt.", "ID token nonce differs");
        }
        try {
            Optional<TokenVerifier> verifier = adminTokens.verifier();
            if (verifier.isEmpty()) {
                return new Outcome.Refused(503, "Konsollet er ikke satt opp med en identitetsleverandør.", "no admin issuer");
            }
            accessClaims = verifier.get().verify(tokens.accessToken());
        } catch (TokenVerifier.Rejected | TokenVerifier.KeysUnavailable e) {
            return new Outcome.Refused(403, "Identitetsleverandøren ga ingen gyldig tilgang til KRR-administrasjonen.",
                    "access token refused: " + e.getMessage());
        }
        return decide(idClaims, accessClaims, authSettings.adminScope(), tokens, csrfToken);
    }

    /** The rule, apart from the calls: same subject in both tokens, and an operator's access. */
    static Outcome decide(JWTClaimsSet idClaims, JWTClaimsSet accessClaims, String adminScope,
                          OpenIdProvider.Tokens tokens, String csrfToken) {
        if (!idClaims.getSubject().equals(accessClaims.getSubject())) {
            return new Outcome.Refused(401, "Innloggingen kunne ikke bekreftes. Logg inn på nytt.",
                    "the ID token and the access token name different subjects");
        }
        return switch (AdminAccess.of(accessClaims, adminScope)) {
            case OPERATOR -> new Outcome.LoggedIn(new OperatorSession(tokens.accessToken(), tokens.idToken(),
                    accessClaims.getSubject(), csrfToken, accessClaims.getExpirationTime().toInstant()));
            case NAMES_A_PERSON -> new Outcome.Refused(403,
                    "Konsollet er for driftsoperatører. En innbyggers innlogging gir ikke tilgang.",
                    "the access token names a person (pid claim)");
            case LACKS_SCOPE -> new Outcome.Refused(403,
                    "Brukeren har ikke tilgangen " + adminScope + " og kan ikke bruke konsollet.",
                    "the access token lacks the admin scope");
        };
    }

    private TokenVerifier idTokenVerifier() throws TokenVerifier.KeysUnavailable, OpenIdProvider.Unavailable {
        TokenVerifier current = idTokens;
        if (current == null) {
            ProviderMetadata metadata = provider.metadata();
            TokenVerifier.Rules rules = new TokenVerifier.Rules(metadata.issuer(), Optional.of(Set.of(settings.clientId())),
                    Duration.ofSeconds(30), Set.of("exp", "iat", "sub", "nonce"), Map.of("nonce", ClaimShape.STRING));
            current = new TokenVerifier(rules, KeySources.of(metadata.jwksUri().toString()), clock);
            idTokens = current;
        }
        return current;
    }
}
