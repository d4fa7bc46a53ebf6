package no.krr.upstream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/**
 * Where the upstream lookup service is and how hard to try it (docs/api.md §4). Values are read and
 * checked when first used, not at deployment: a wrong {@code krr.reconcile.batch-size} must stop
 * the reconciliation with a clear message, not the user API with it.
 *
 * <p>The per-attempt timeout is also the MicroProfile Fault Tolerance {@code @Timeout} of
 * {@link UpstreamCall#post}: {@code microprofile-config.properties} points
 * {@code no.krr.upstream.UpstreamCall/post/Timeout/value} at {@code ${krr.upstream.timeout-ms}}, so
 * one key sets both.
 */
@ApplicationScoped
public class UpstreamSettings {

    public static final String URL = "krr.upstream.url";
    public static final String BATCH_SIZE = "krr.reconcile.batch-size";
    public static final String MAX_ATTEMPTS = "krr.upstream.max-attempts";
    public static final String TIMEOUT_MS = "krr.upstream.timeout-ms";
    public static final String BACKOFF_BASE_MS = "krr.upstream.backoff-base-ms";
    public static final String BACKOFF_MAX_MS = "krr.upstream.backoff-max-ms";
    public static final String RETRY_AFTER_MAX_SECONDS = "krr.upstream.retry-after-max-seconds";
    /** MP Fault Tolerance's own key for how long the circuit of {@link UpstreamCall#post} stays open. */
    public static final String CIRCUIT_DELAY_MS = "no.krr.upstream.UpstreamCall/post/CircuitBreaker/delay";

    /** What the register takes in one call (docs/register.md §5). */
    public static final int MAX_BATCH_SIZE = 1000;

    static final Map<String, String> DEFAULTS = Map.of(
            URL, "https://kontaktregisteret.no",
            BATCH_SIZE, "1000",
            MAX_ATTEMPTS, "5",
            TIMEOUT_MS, "10000",
            BACKOFF_BASE_MS, "200",
            BACKOFF_MAX_MS, "10000",
            RETRY_AFTER_MAX_SECONDS, "60",
            CIRCUIT_DELAY_MS, "5000");

    private Function<String, Optional<String>> source = key -> Optional.empty();

    @Inject
    void read(Config config) {
        source = key -> config.getOptionalValue(key, String.class);
    }

    /** Settings from a map (key to value; a missing key takes its default): for tests and tools. */
    public static UpstreamSettings of(Map<String, String> values) {
        UpstreamSettings settings = new UpstreamSettings();
        settings.source = key -> Optional.ofNullable(values.get(key));
        return settings;
    }

    /** The base URL; {@code /rest/v1/personer} is appended to it. */
    public URI url() {
        String value = value(URL).replaceAll("/+$", "");
        try {
            URI uri = URI.create(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalStateException(URL + "='" + value + "' is not an http(s) URL such as https://kontaktregisteret.no");
    }

    /** Ids per upstream call, 1..1000. */
    public int batchSize() {
        return number(BATCH_SIZE, 1, MAX_BATCH_SIZE, " (the upstream register takes at most "
                + MAX_BATCH_SIZE + " ids per call)");
    }

    /** Attempts per lookup, the first included: 1..20. */
    public int maxAttempts() {
        return number(MAX_ATTEMPTS, 1, 20, "");
    }

    /** The most one attempt may take (connect, send, answer). */
    public Duration timeout() {
        return Duration.ofMillis(number(TIMEOUT_MS, 100, 300_000, ""));
    }

    public Duration backoffBase() {
        return Duration.ofMillis(number(BACKOFF_BASE_MS, 1, 60_000, ""));
    }

    public Duration backoffMax() {
        return Duration.ofMillis(number(BACKOFF_MAX_MS, 1, 600_000, ""));
    }

    /** The longest {@code Retry-After} we honour; a longer one is cut to this. */
    public Duration retryAfterMax() {
        return Duration.ofSeconds(number(RETRY_AFTER_MAX_SECONDS, 0, 3600, ""));
    }

    /**
     * How long an open circuit stays open (the {@code @CircuitBreaker(delay)} of {@link UpstreamCall},
     * 5000 ms unless MP FT's key overrides it): the retry loop waits at least this long after finding
     * it open, or the attempts would be spent against a closed door.
     */
    public Duration circuitDelay() {
        return Duration.ofMillis(number(CIRCUIT_DELAY_MS, 0, 3_600_000, ""));
    }

    private String value(String key) {
        return source.apply(key).map(String::trim).filter(v -> !v.isEmpty()).orElse(DEFAULTS.get(key));
    }

    private int number(String key, int min, int max, String why) {
        String value = value(key);
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException(key + "=" + value + " is not a whole number from " + min + " to " + max + why + ".");
    }
}
