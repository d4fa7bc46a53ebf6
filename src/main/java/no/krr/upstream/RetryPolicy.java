package no.krr.upstream;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * How long to wait before the next attempt at the upstream register, and whether to make one.
 *
 * <p>Exponential backoff with <em>full jitter</em>: after the n-th failed attempt the wait is drawn
 * uniformly from {@code [0, min(max, base · 2^(n-1))]}. Full jitter spreads the retries of the
 * parallel reconciliation partitions instead of letting them hit the register again in step. When
 * the register said {@code Retry-After} (on 429 and 503), the wait is the larger of the backoff and
 * that value, the latter cut to {@code retryAfterMax} so that a hostile or broken header cannot
 * park a job for hours.
 *
 * <p>A pure class (the random generator is passed in, no clock of its own) so that every rule is
 * unit-tested; {@link UpstreamRegister} owns the loop. Thread-safe.
 */
public final class RetryPolicy {

    private static final Pattern SECONDS = Pattern.compile("\\d{1,10}");

    private final int maxAttempts;
    private final Duration base;
    private final Duration max;
    private final Duration retryAfterMax;
    private final RandomGenerator random;

    /**
     * @param maxAttempts   attempts in all, the first included (1 = never retry)
     * @param base          the backoff ceiling after the first failure
     * @param max           the backoff ceiling never grows past this
     * @param retryAfterMax a longer {@code Retry-After} is cut to this
     * @param random        the jitter source; not required to be thread-safe (calls are serialised)
     */
    public RetryPolicy(int maxAttempts, Duration base, Duration max, Duration retryAfterMax, RandomGenerator random) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0 || retryAfterMax.isNegative()) {
            throw new IllegalArgumentException("need 0 < base <= max and retryAfterMax >= 0");
        }
        this.maxAttempts = maxAttempts;
        this.base = base;
        this.max = max;
        this.retryAfterMax = retryAfterMax;
        this.random = Objects.requireNonNull(random);
    }

    /** The policy the settings describe. */
    public static RetryPolicy from(UpstreamSettings settings, RandomGenerator random) {
        return new RetryPolicy(settings.maxAttempts(), settings.backoffBase(), settings.backoffMax(),
                settings.retryAfterMax(), random);
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /** Whether another attempt may follow the failed attempt number {@code attempt} (1-based). */
    public boolean mayRetryAfter(int attempt) {
        return attempt < maxAttempts;
    }

    /** The backoff ceiling after the failed attempt number {@code attempt}: {@code min(max, base · 2^(attempt-1))}. */
    public Duration ceiling(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1");
        }
        int doublings = Math.min(attempt - 1, 62);
        long baseMillis = base.toMillis();
        long maxMillis = max.toMillis();
        // base · 2^d overflows or passes max: then it is max
        if (doublings >= 62 || baseMillis > (maxMillis >> doublings)) {
            return max;
        }
        return Duration.ofMillis(Math.min(maxMillis, baseMillis << doublings));
    }

    /** The jittered backoff after the failed attempt number {@code attempt}: uniform in {@code [0, ceiling]}. */
    public Duration backoff(int attempt) {
        long ceiling = ceiling(attempt).toMillis();
        long drawn;
        synchronized (random) {
            drawn = random.nextLong(ceiling + 1);
        }
        return Duration.ofMillis(drawn);
    }

    /**
     * The wait after the failed attempt number {@code attempt}: the larger of the jittered backoff and
     * the register's {@code Retry-After} (cut to {@code retryAfterMax}).
     */
    public Duration delay(int attempt, Optional<Duration> retryAfter) {
        Duration backoff = backoff(attempt);
        Duration asked = retryAfter.filter(d -> !d.isNegative())
                .map(d -> d.compareTo(retryAfterMax) > 0 ? retryAfterMax : d)
                .orElse(Duration.ZERO);
        return asked.compareTo(backoff) > 0 ? asked : backoff;
    }

    /**
     * A {@code Retry-After} header value (RFC 9110 §10.2.3): delay-seconds, or an HTTP-date
     * (IMF-fixdate, {@code Sun, 06 Nov 1994 08:49:37 GMT}) read relative to {@code now}. A date in the
     * past means zero. Empty for a missing or unreadable value (the obsolete RFC 850 and asctime date
     * forms are not read: servers must not send them).
     */
    public static Optional<Duration> parseRetryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.trim();
        if (SECONDS.matcher(text).matches()) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
        }
        try {
            Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", base=" + base + ", max=" + max
                + ", retryAfterMax=" + retryAfterMax + "]";
    }
}
