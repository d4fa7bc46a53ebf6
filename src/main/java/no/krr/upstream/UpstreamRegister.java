package no.krr.upstream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import no.krr.person.NationalId;
import no.krr.person.PersonRecord;

/**
 * The upstream register as the reconciliation sees it: look up a batch of persons, with retries.
 *
 * <p>One lookup is one {@code POST /rest/v1/personer} of up to {@code krr.reconcile.batch-size}
 * ids (at most 1000: one call of 1000 is far faster than 1000 calls of one), with a Maskinporten
 * token from {@link MaskinportenTokens}, made by {@link UpstreamCall} (MP Fault Tolerance
 * {@code @Timeout} and {@code @CircuitBreaker}), read by {@link UpstreamAnswerReader}.
 *
 * <p><b>Why the retry loop is ours and not MP Fault Tolerance's {@code @Retry}:</b> {@code @Retry}
 * (MP FT 4.1) waits a fixed delay plus a jitter; it has no exponential backoff, it cannot read a
 * {@code Retry-After} header (the register's 429 and 503 say how long to stay away), and it cannot
 * treat a 401 differently from a 503 (drop the token, try once more at once, and only once). So the
 * loop is here, its arithmetic in the unit-tested {@link RetryPolicy}, its classification in
 * {@link UpstreamFailure}:
 * <ul>
 * <li>timeouts, connection errors, an open circuit, 429, 5xx and malformed bodies are retried after
 *     the policy's backoff (the larger of it and {@code Retry-After}; after an open circuit, the
 *     larger of it and the breaker's delay), up to {@code krr.upstream.max-attempts} attempts in
 *     all;</li>
 * <li>a 401 drops the token and tries once more at once with a fresh one (not counted as an
 *     attempt); a second 401 fails;</li>
 * <li>any other 4xx fails at once: asking again would be refused again;</li>
 * <li>a Maskinporten failure is retried like an upstream one when it is an outage, and fails at once
 *     when it is a refusal or a configuration error.</li>
 * </ul>
 * Tokens and national ids never reach a log line or an exception message in clear.
 */
@ApplicationScoped
public class UpstreamRegister {

    private static final Logger LOG = Logger.getLogger(UpstreamRegister.class.getName());

    /**
     * The register's answer for a batch: {@code persons} for the ids whose item is valid,
     * {@code invalid} (id to reason) for those whose item failed validation, was missing or came
     * twice. Both keyed by the 11-digit id; together they hold every id asked, once. Unmodifiable,
     * in the order of the answer.
     */
    public record Answer(Map<String, PersonRecord> persons, Map<String, String> invalid) {
        public Answer {
            persons = Collections.unmodifiableMap(new LinkedHashMap<>(persons));
            invalid = Collections.unmodifiableMap(new LinkedHashMap<>(invalid));
        }
    }

    @Inject
    UpstreamCall call;

    @Inject
    MaskinportenTokens tokens;

    @Inject
    UpstreamSettings settings;

    @Inject
    Clock clock;

    private Sleeper sleeper = Sleeper.THREAD;
    private volatile RetryPolicy policy;

    /** For CDI. */
    protected UpstreamRegister() {
    }

    /** For tests: every part given, and a sleeper that need not sleep. */
    UpstreamRegister(UpstreamCall call, MaskinportenTokens tokens, UpstreamSettings settings, Clock clock,
                     RetryPolicy policy, Sleeper sleeper) {
        this.call = call;
        this.tokens = tokens;
        this.settings = settings;
        this.clock = clock;
        this.policy = policy;
        this.sleeper = sleeper;
    }

    /**
     * {@code krr.reconcile.batch-size}, checked.
     *
     * @throws IllegalStateException naming the key when it is not a number from 1 to 1000
     */
    public int batchSize() {
        return settings.batchSize();
    }

    /**
     * Looks up 1..{@link #batchSize()} persons (a repeated id is asked once).
     *
     * @throws UpstreamException        when the register gave no usable answer after the retries, or
     *                                  refused the request, or the configuration is wrong
     * @throws IllegalArgumentException for no ids or more than {@link #batchSize()}
     */
    public Answer lookup(List<NationalId> ids) throws UpstreamException {
        Objects.requireNonNull(ids, "ids");
        List<NationalId> asked = List.copyOf(new LinkedHashSet<>(ids));
        int batchSize;
        try {
            batchSize = batchSize();
        } catch (IllegalStateException e) {
            throw new UpstreamException(e.getMessage(), false);
        }
        if (asked.isEmpty() || asked.size() > batchSize) {
            throw new IllegalArgumentException("a lookup takes 1 to " + batchSize + " ids (" + UpstreamSettings.BATCH_SIZE
                    + "), not " + asked.size());
        }
        String body = UpstreamAnswerReader.requestBody(asked);
        RetryPolicy retry = policy();
        boolean freshTokenTried = false;
        int attempt = 1;
        while (true) {
            UpstreamFailure failure;
            String token = null;
            try {
                token = tokens.token();
                UpstreamResponse response = call.post(token, body);
                if (response.successful()) {
                    try {
                        Answer answer = UpstreamAnswerReader.read(response.body(), asked);
                        if (attempt > 1 || freshTokenTried) {
                            LOG.fine(() -> "upstream lookup of " + asked.size() + " ids answered after a retry");
                        }
                        return answer;
                    } catch (UpstreamAnswerReader.MalformedAnswerException e) {
                        failure = UpstreamFailure.malformed(e.getMessage());
                    }
                } else {
                    failure = UpstreamFailure.of(response, clock.instant()).orElseThrow();
                }
            } catch (UpstreamException e) {
                // from Maskinporten: an outage is retried like the register's, a refusal is not
                if (!e.retryable()) {
                    throw e;
                }
                failure = new UpstreamFailure(UpstreamFailure.Kind.UNAVAILABLE, e.reason(), Optional.empty());
            } catch (UpstreamUnavailableException | RuntimeException e) {
                failure = UpstreamFailure.of(e, clock.instant());
                if (failure.kind() == UpstreamFailure.Kind.CIRCUIT_OPEN) {
                    failure = failure.withRetryAfter(circuitDelay());
                }
                if (failure.kind() == UpstreamFailure.Kind.TIMEOUT) {
                    // MP FT interrupts the caller on @Timeout; that must not cut our own wait short
                    Thread.interrupted();
                }
            }

            if (failure.kind() == UpstreamFailure.Kind.UNAUTHORIZED) {
                tokens.invalidate(token);
                if (!freshTokenTried) {
                    freshTokenTried = true;
                    LOG.info("upstream register refused the Maskinporten token (401): trying once more with a fresh one");
                    continue;
                }
                throw new UpstreamException(failure.reason() + ", also with a fresh token", false);
            }
            if (!failure.retryable()) {
                throw new UpstreamException(failure.reason(), false);
            }
            if (!retry.mayRetryAfter(attempt)) {
                throw new UpstreamException("gave up after " + attempt + " attempt" + (attempt == 1 ? "" : "s")
                        + ", the last: " + failure.reason(), true);
            }
            Duration wait = retry.delay(attempt, failure.retryAfter());
            int failed = attempt;
            UpstreamFailure last = failure;
            LOG.log(Level.INFO, () -> "upstream lookup of " + asked.size() + " ids, attempt " + failed + " of "
                    + retry.maxAttempts() + " failed (" + last.reason() + "); retrying in " + wait.toMillis() + " ms");
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UpstreamException("interrupted while waiting to retry; the last failure: " + failure.reason(), true);
            }
            attempt++;
        }
    }

    private Duration circuitDelay() {
        try {
            return settings.circuitDelay();
        } catch (IllegalStateException e) {
            return Duration.ofSeconds(5);
        }
    }

    private RetryPolicy policy() throws UpstreamException {
        RetryPolicy p = policy;
        if (p == null) {
            try {
                // ThreadLocalRandom is one shared instance whose state lives in each thread
                p = RetryPolicy.from(settings, ThreadLocalRandom.current());
            } catch (IllegalStateException | IllegalArgumentException e) {
                throw new UpstreamException(e.getMessage(), false);
            }
            policy = p;
        }
        return p;
    }
}
