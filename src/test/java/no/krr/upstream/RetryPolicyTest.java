package no.krr.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Duration BASE = Duration.ofMillis(200);
    private static final Duration MAX = Duration.ofSeconds(10);
    private static final Duration RETRY_AFTER_MAX = Duration.ofSeconds(60);
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private static RetryPolicy policy(RandomGenerator random) {
        return new RetryPolicy(5, BASE, MAX, RETRY_AFTER_MAX, random);
    }

    /** Always draws the top of the range. */
    private static final RandomGenerator HIGHEST = new RandomGenerator() {
        @Override
        public long nextLong() {
            return Long.MAX_VALUE;
        }

        @Override
        public long nextLong(long bound) {
            return bound - 1;
        }
    };

    /** Always draws zero. */
    private static final RandomGenerator LOWEST = new RandomGenerator() {
        @Override
        public long nextLong() {
            return 0;
        }

        @Override
        public long nextLong(long bound) {
            return 0;
        }
    };

    @Test
    void theCeilingDoublesPerAttemptFromTheBase() {
        RetryPolicy policy = policy(new SplittableRandom(1));
        assertEquals(Duration.ofMillis(200), policy.ceiling(1));
        assertEquals(Duration.ofMillis(400), policy.ceiling(2));
        assertEquals(Duration.ofMillis(800), policy.ceiling(3));
        assertEquals(Duration.ofMillis(1600), policy.ceiling(4));
        assertEquals(Duration.ofMillis(6400), policy.ceiling(6));
    }

    @Test
    void theCeilingStopsAtTheCapAndNeverOverflows() {
        RetryPolicy policy = policy(new SplittableRandom(1));
        assertEquals(MAX, policy.ceiling(7)); // 12 800 ms > 10 s
        assertEquals(MAX, policy.ceiling(40));
        assertEquals(MAX, policy.ceiling(63));
        assertEquals(MAX, policy.ceiling(Integer.MAX_VALUE));
    }

    @Test
    void fullJitterSpansZeroToTheCeiling() {
        RetryPolicy top = policy(HIGHEST);
        RetryPolicy bottom = policy(LOWEST);
        for (int attempt = 1; attempt <= 8; attempt++) {
            assertEquals(top.ceiling(attempt), top.backoff(attempt), "attempt " + attempt);
            assertEquals(Duration.ZERO, bottom.backoff(attempt), "attempt " + attempt);
        }
    }

    @Test
    void jitteredBackoffStaysWithinBoundsAndSpreads() {
        RetryPolicy policy = policy(new SplittableRandom(42));
        for (int attempt = 1; attempt <= 8; attempt++) {
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < 500; i++) {
                Duration backoff = policy.backoff(attempt);
                assertFalse(backoff.isNegative(), "attempt " + attempt);
                assertTrue(backoff.compareTo(policy.ceiling(attempt)) <= 0, "attempt " + attempt + ": " + backoff);
                seen.add(backoff.toMillis());
            }
            assertTrue(seen.size() > 50, "jitter spreads the waits: " + seen.size() + " distinct at attempt " + attempt);
        }
    }

    @Test
    void theSameSeedGivesTheSameWaits() {
        RetryPolicy a = policy(new SplittableRandom(7));
        RetryPolicy b = policy(new SplittableRandom(7));
        for (int attempt = 1; attempt <= 6; attempt++) {
            assertEquals(a.backoff(attempt), b.backoff(attempt));
        }
    }

    @Test
    void maxAttemptsCountTheFirstAttempt() {
        RetryPolicy policy = policy(LOWEST);
        assertEquals(5, policy.maxAttempts());
        assertTrue(policy.mayRetryAfter(1));
        assertTrue(policy.mayRetryAfter(4));
        assertFalse(policy.mayRetryAfter(5));
        assertFalse(policy.mayRetryAfter(6));
        RetryPolicy once = new RetryPolicy(1, BASE, MAX, RETRY_AFTER_MAX, LOWEST);
        assertFalse(once.mayRetryAfter(1));
    }

    @Test
    void retryAfterWinsWhenLongerThanTheBackoff() {
        RetryPolicy policy = policy(HIGHEST);
        assertEquals(Duration.ofSeconds(3), policy.delay(1, Optional.of(Duration.ofSeconds(3))));
        assertEquals(Duration.ofMillis(200), policy.delay(1, Optional.of(Duration.ofMillis(50))));
        assertEquals(Duration.ofMillis(200), policy.delay(1, Optional.empty()));
    }

    @Test
    void theBackoffWinsWhenLongerThanRetryAfter() {
        RetryPolicy policy = policy(HIGHEST);
        assertEquals(MAX, policy.delay(10, Optional.of(Duration.ofSeconds(1))));
    }

    @Test
    void retryAfterIsCapped() {
        RetryPolicy policy = policy(LOWEST);
        assertEquals(RETRY_AFTER_MAX, policy.delay(1, Optional.of(Duration.ofHours(5))));
        assertEquals(Duration.ZERO, policy.delay(1, Optional.of(Duration.ofSeconds(-5))));
    }

    @Test
    void retryAfterInSeconds() {
        assertEquals(Optional.of(Duration.ofSeconds(1)), RetryPolicy.parseRetryAfter("1", NOW));
        assertEquals(Optional.of(Duration.ofSeconds(120)), RetryPolicy.parseRetryAfter(" 120 ", NOW));
        assertEquals(Optional.of(Duration.ZERO), RetryPolicy.parseRetryAfter("0", NOW));
    }

    @Test
    void retryAfterAsAnHttpDate() {
        assertEquals(Optional.of(Duration.ofSeconds(90)),
                RetryPolicy.parseRetryAfter("Sun, 01 Mar 2026 12:01:30 GMT", NOW));
        assertEquals(Optional.of(Duration.ZERO), RetryPolicy.parseRetryAfter("Sun, 01 Mar 2026 11:00:00 GMT", NOW),
                "a date in the past means now");
    }

    @Test
    void unreadableRetryAfterIsIgnored() {
        for (String value : new String[] {null, "", " ", "-1", "1.5", "soon", "99999999999999999999",
                "Sunday, 01-Mar-26 12:01:30 GMT"}) {
            assertEquals(Optional.empty(), RetryPolicy.parseRetryAfter(value, NOW), String.valueOf(value));
        }
    }

    @Test
    void theSettingsMakeThePolicy() {
        RetryPolicy policy = RetryPolicy.from(UpstreamSettings.of(Map.of(UpstreamSettings.MAX_ATTEMPTS, "3",
                UpstreamSettings.BACKOFF_BASE_MS, "100", UpstreamSettings.BACKOFF_MAX_MS, "1000")), LOWEST);
        assertEquals(3, policy.maxAttempts());
        assertEquals(Duration.ofMillis(100), policy.ceiling(1));
        assertEquals(Duration.ofMillis(1000), policy.ceiling(9));
        RetryPolicy defaults = RetryPolicy.from(UpstreamSettings.of(Map.of()), LOWEST);
        assertEquals(5, defaults.maxAttempts());
        assertEquals(BASE, defaults.ceiling(1));
        assertEquals(MAX, defaults.ceiling(20));
    }

    @Test
    void nonsenseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, BASE, MAX, RETRY_AFTER_MAX, LOWEST));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(3, MAX, BASE, RETRY_AFTER_MAX, LOWEST));
        assertThrows(IllegalArgumentException.class, () -> policy(LOWEST).ceiling(0));
    }
}
