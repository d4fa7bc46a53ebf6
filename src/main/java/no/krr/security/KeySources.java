package no.krr.security;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;

/**
 * The signing keys of a token issuer, from a JWKS location (an {@code http(s)} URL or a file). A URL
 * is fetched when the first token arrives, cached for five minutes and fetched again (at most every
 * {@value #REFRESH_LIMIT_SECONDS} s) when a token names a key id the cache does not hold, so a key
 * rotation needs no restart. The cache is refreshed ahead of its expiry, and while the JWKS cannot be
 * fetched the last keys stay in use for up to an hour. A file is read once.
 */
public final class KeySources {

    static final long REFRESH_LIMIT_SECONDS = 5;
    /** Connect and read timeout of one JWKS fetch (Nimbus's default, 0.5 s, is short for the internet). */
    static final Duration FETCH_TIMEOUT = Duration.ofSeconds(3);
    /** How long the last keys fetched stay in use while the issuer's JWKS cannot be fetched. */
    static final Duration OUTAGE_TOLERANCE = Duration.ofHours(1);

    private KeySources() {
    }

    public static JWKSource<SecurityContext> of(String location) throws TokenVerifier.KeysUnavailable {
        try {
            if (location.startsWith("http://") || location.startsWith("https://")) {
                DefaultResourceRetriever http = new DefaultResourceRetriever(
                        (int) FETCH_TIMEOUT.toMillis(), (int) FETCH_TIMEOUT.toMillis(), JWKSourceBuilder.DEFAULT_HTTP_SIZE_LIMIT);
                return new RateLimitIsNoOutage(JWKSourceBuilder.<SecurityContext>create(URI.create(location).toURL(), http)
                        .refreshAheadCache(true)
                        .rateLimited(Duration.ofSeconds(REFRESH_LIMIT_SECONDS).toMillis())
                        .outageTolerant(OUTAGE_TOLERANCE.toMillis())
                        .build());
            }
            Path file = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
            return new ImmutableJWKSet<>(JWKSet.load(file.toFile()));
        } catch (IOException | ParseException | IllegalArgumentException e) {
            throw new TokenVerifier.KeysUnavailable(e);
        }
    }

    /**
     * A token with a key id the cache does not hold makes Nimbus fetch the JWKS again; within the
     * refresh limit it throws {@link RateLimitReachedException} instead, a {@link KeySourceException}
     * like a real outage. Junk tokens with made-up key ids would so turn into 503s after the second
     * one. Once the issuer's keys have been fetched, a refresh refused by the limit means "no such
     * key" (the token is refused, 401); only before any fetch succeeded does it mean the issuer's
     * keys cannot be had.
     */
    static final class RateLimitIsNoOutage implements JWKSource<SecurityContext> {
        private final JWKSource<SecurityContext> delegate;
        private volatile boolean fetched;

        RateLimitIsNoOutage(JWKSource<SecurityContext> delegate) {
            this.delegate = delegate;
        }

        @Override
        public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
            try {
                List<JWK> keys = delegate.get(selector, context);
                fetched = true;
                return keys;
            } catch (RateLimitReachedException e) {
                if (fetched) {
                    return List.of();
                }
                throw e;
            }
        }
    }
}
