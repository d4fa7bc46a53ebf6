package no.krr.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's {@link TokenVerifier}, set up from the MicroProfile JWT configuration keys that
 * contract §2 fixes ({@code mp.jwt.verify.*}). An {@code http(s)} JWKS location is fetched when the
 * first token arrives, cached for five minutes and fetched again (at most every
 * {@value #REFRESH_LIMIT_SECONDS} s) when a token names a key id the cache does not hold, so a
 * rotation at ID-porten needs no restart. The cache is refreshed ahead of its expiry, and while the
 * JWKS cannot be fetched the last keys stay in use for up to an hour. A file location is read once.
 */
@ApplicationScoped
public class AccessTokens {

    static final long REFRESH_LIMIT_SECONDS = 5;
    /** Connect and read timeout of one JWKS fetch (Nimbus's default, 0.5 s, is short for the internet). */
    static final Duration FETCH_TIMEOUT = Duration.ofSeconds(3);
    /** How long the last keys fetched stay in use while the issuer's JWKS cannot be fetched. */
    static final Duration OUTAGE_TOLERANCE = Duration.ofHours(1);

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
                    verifier = new TokenVerifier(rules(), keys(), clock);
                }
                current = verifier;
            }
        }
        return current;
    }

    TokenVerifier.Rules rules() {
        Optional<Set<String>> accepted = audiences
                .map(list -> Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .collect(Collectors.toUnmodifiableSet()))
                .filter(set -> !set.isEmpty());
        return new TokenVerifier.Rules(issuer, accepted, Duration.ofSeconds(clockSkewSeconds));
    }

    private JWKSource<SecurityContext> keys() throws TokenVerifier.KeysUnavailable {
        try {
            if (keysLocation.startsWith("http://") || keysLocation.startsWith("https://")) {
                DefaultResourceRetriever http = new DefaultResourceRetriever(
                        (int) FETCH_TIMEOUT.toMillis(), (int) FETCH_TIMEOUT.toMillis(), JWKSourceBuilder.DEFAULT_HTTP_SIZE_LIMIT);
                return JWKSourceBuilder.<SecurityContext>create(URI.create(keysLocation).toURL(), http)
                        .refreshAheadCache(true)
                        .rateLimited(Duration.ofSeconds(REFRESH_LIMIT_SECONDS).toMillis())
                        .outageTolerant(OUTAGE_TOLERANCE.toMillis())
                        .build();
            }
            Path file = keysLocation.startsWith("file:") ? Path.of(URI.create(keysLocation)) : Path.of(keysLocation);
            return new ImmutableJWKSet<>(JWKSet.load(file.toFile()));
        } catch (IOException | ParseException | IllegalArgumentException e) {
            throw new TokenVerifier.KeysUnavailable(e);
        }
    }
}
