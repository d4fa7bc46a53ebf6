package no.krr.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@link TokenVerifier} of admin tokens: issuer {@code krr.admin.issuer}, keys at
 * {@code krr.admin.jwks} (through {@link KeySources}, cached and refreshed as ID-porten's are),
 * {@code aud} {@code krr.admin.audience} required, the clock skew of ID-porten tokens. Without an
 * admin issuer there is no verifier: the admin API is closed.
 */
@ApplicationScoped
public class AdminTokens {

    @Inject
    @ConfigProperty(name = "krr.admin.issuer")
    Optional<String> issuer;

    @Inject
    @ConfigProperty(name = "krr.admin.jwks")
    Optional<String> jwks;

    @Inject
    @ConfigProperty(name = "krr.admin.audience", defaultValue = "krr-admin")
    String audience;

    @Inject
    AccessTokens idporten;

    @Inject
    Clock clock;

    /** No {@code jti}: Entra ID's access tokens have none (their token id is {@code uti}). */
    static final Set<String> REQUIRED = Set.of("exp", "iat", "sub");

    private volatile TokenVerifier verifier;

    /** Empty when no admin issuer is configured. */
    public Optional<TokenVerifier> verifier() throws TokenVerifier.KeysUnavailable {
        if (issuer.isEmpty() || jwks.isEmpty()) {
            return Optional.empty();
        }
        TokenVerifier current = verifier;
        if (current == null) {
            synchronized (this) {
                if (verifier == null) {
                    verifier = new TokenVerifier(rules(), KeySources.of(jwks.get()), clock);
                }
                current = verifier;
            }
        }
        return Optional.of(current);
    }

    TokenVerifier.Rules rules() {
        return new TokenVerifier.Rules(issuer.orElseThrow(), Optional.of(Set.of(audience)), idporten.clockSkew(), REQUIRED,
                AdminAccess.SHAPES);
    }

    public TokenDoors doors() {
        return new TokenDoors(idporten.issuer(), issuer, jwks, idporten.audiences().isPresent());
    }
}
