package no.krr.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import no.krr.testdouble.OutsideWorld;
import org.junit.jupiter.api.Test;

class KeySourcesTest {

    private static final JWKSelector ANY = new JWKSelector(new JWKMatcher.Builder().build());

    /** Answers with what it is given, in order: a key list, or an exception to throw. */
    private static JWKSource<SecurityContext> scripted(Object... answers) {
        Deque<Object> queue = new ArrayDeque<>(java.util.List.of(answers));
        return (selector, context) -> {
            Object next = queue.removeFirst();
            if (next instanceof KeySourceException e) {
                throw e;
            }
            return java.util.List.of();
        };
    }

    @Test
    void aRateLimitedRefreshAfterKeysWereFetchedFindsNoKey() throws Exception {
        JWKSource<SecurityContext> keys = new KeySources.RateLimitIsNoOutage(
                scripted("keys", new RateLimitReachedException(), new RateLimitReachedException()));
        keys.get(ANY, null);
        assertEquals(0, keys.get(ANY, null).size());
        assertEquals(0, keys.get(ANY, null).size());
    }

    @Test
    void aRateLimitBeforeAnyKeysWereFetchedIsAnOutage() {
        JWKSource<SecurityContext> keys = new KeySources.RateLimitIsNoOutage(
                scripted(new KeySourceException("down"), new RateLimitReachedException()));
        assertThrows(KeySourceException.class, () -> keys.get(ANY, null));
        assertThrows(RateLimitReachedException.class, () -> keys.get(ANY, null));
    }

    @Test
    void junkTokensWithMadeUpKidsAreRejectedEveryTimeNeverKeysUnavailable() throws Exception {
        try (OutsideWorld world = OutsideWorld.start()) {
            TokenVerifier verifier = new TokenVerifier(new TokenVerifier.Rules(world.idportenIssuer(), Optional.empty(),
                    Duration.ofSeconds(30)), KeySources.of(world.idportenJwksUrl()), java.time.Clock.systemUTC());
            verifier.verify(world.idporten().token("23079421936").mint());
            for (int i = 0; i < 20; i++) {
                String junk = world.idporten().token("23079421936").unknownKid().mint();
                assertThrows(TokenVerifier.Rejected.class, () -> verifier.verify(junk));
            }
            verifier.verify(world.idporten().token("23079421936").mint());
        }
    }

    @Test
    void keysThatCouldNeverBeFetchedAreUnavailable() throws Exception {
        try (OutsideWorld other = OutsideWorld.start()) {
            String unreachable;
            try (OutsideWorld gone = OutsideWorld.start()) {
                unreachable = gone.idportenJwksUrl();
            }
            TokenVerifier verifier = new TokenVerifier(new TokenVerifier.Rules("https://idporten.example", Optional.empty(),
                    Duration.ofSeconds(30)), KeySources.of(unreachable), java.time.Clock.systemUTC());
            String token = other.idporten().token("23079421936").mint();
            for (int i = 0; i < 5; i++) {
                assertThrows(TokenVerifier.KeysUnavailable.class, () -> verifier.verify(token));
            }
        }
    }
}
