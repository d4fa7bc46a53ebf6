package no.krr.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@link TokenVerifier} of ID-porten access tokens (the user API), set up from the MicroProfile
 * JWT configuration keys that docs/api.md §2 fixes ({@code mp.jwt.verify.*}); the keys come from
 * {@link KeySources}.
 */
@ApplicationScoped
public class AccessTokens {

    /** The claims the user API reads, and their JSON type. */
    static final Map<String, ClaimShape> SHAPES = Map.of(
            "pid", ClaimShape.STRING, "scope", ClaimShape.STRING, "acr", ClaimShape.STRING,
            "client_id", ClaimShape.STRING, "azp", ClaimShape.STRING);

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    String keysLocation;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.audiences")
    Optional<String> audiences;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "30")
    long clockSkewSeconds;

    @Inject
    Clock clock;

    private volatile TokenVerifier verifier;

    public TokenVerifier verifier() throws TokenVerifier.KeysUnavailable {
        TokenVerifier current = verifier;
        if (current == null) {
            synchronized (this) {
                if (verifier == null) {
                    verifier = new TokenVerifier(rules(), KeySources.of(keysLocation), clock);
                }
                current = verifier;
            }
        }
        return current;
    }

    public String issuer() {
        return issuer;
    }

    Duration clockSkew() {
        return Duration.ofSeconds(clockSkewSeconds);
    }

    /** The accepted audiences; empty when {@code mp.jwt.verify.audiences} is unset or blank. */
    public Optional<Set<String>> audiences() {
        return audiences
                .map(list -> Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .collect(Collectors.toUnmodifiableSet()))
                .filter(set -> !set.isEmpty());
    }

    TokenVerifier.Rules rules() {
        return new TokenVerifier.Rules(issuer, audiences(), clockSkew(), SHAPES);
    }
}
