package no.krr.upstream;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Why one attempt at the upstream register failed, and whether another attempt may help. Plain
 * values and pure functions, so that the classification is unit-tested without a container.
 *
 * <table>
 * <caption>What is retried</caption>
 * <tr><th>kind</th><th>from</th><th>retried</th></tr>
 * <tr><td>TIMEOUT</td><td>MP FT {@code @Timeout}, socket or HTTP client timeouts</td><td>yes</td></tr>
 * <tr><td>CONNECTION</td><td>connection refused or reset, unknown host, I/O errors</td><td>yes</td></tr>
 * <tr><td>CIRCUIT_OPEN</td><td>MP FT {@code @CircuitBreaker} open</td><td>yes, after the backoff</td></tr>
 * <tr><td>RATE_LIMITED</td><td>429 ({@code Retry-After} honoured)</td><td>yes</td></tr>
 * <tr><td>UNAVAILABLE</td><td>5xx ({@code Retry-After} honoured on 503)</td><td>yes</td></tr>
 * <tr><td>MALFORMED</td><td>a 2xx body that is not {@code {"personer":[…]}}</td><td>yes</td></tr>
 * <tr><td>UNAUTHORIZED</td><td>401</td><td>once, with a fresh token</td></tr>
 * <tr><td>REFUSED</td><td>any other status (400, 403, 404, 3xx, …)</td><td>no</td></tr>
 * <tr><td>UNEXPECTED</td><td>any other exception (a bug, not the network)</td><td>no</td></tr>
 * </table>
 */
public record UpstreamFailure(Kind kind, String reason, Optional<Duration> retryAfter) {

    public enum Kind { TIMEOUT, CONNECTION, CIRCUIT_OPEN, RATE_LIMITED, UNAVAILABLE, MALFORMED, UNAUTHORIZED, REFUSED, UNEXPECTED }

    public UpstreamFailure {
        reason = Redact.text(reason);
    }

    public boolean retryable() {
        return switch (kind) {
            case TIMEOUT, CONNECTION, CIRCUIT_OPEN, RATE_LIMITED, UNAVAILABLE, MALFORMED -> true;
            case UNAUTHORIZED, REFUSED, UNEXPECTED -> false;
        };
    }

    /** The same failure with another wait hint. */
    public UpstreamFailure withRetryAfter(Duration wait) {
        return new UpstreamFailure(kind, reason, Optional.of(wait));
    }

    /** The failure a non-2xx answer stands for; empty for a 2xx. */
    public static Optional<UpstreamFailure> of(UpstreamResponse response, Instant now) {
        int status = response.status();
        if (response.successful()) {
            return Optional.empty();
        }
        String said = "the upstream register answered HTTP " + status + detail(response.body());
        if (status == 429 || status == 503) {
            Optional<Duration> retryAfter = response.retryAfter().flatMap(v -> RetryPolicy.parseRetryAfter(v, now));
            return Optional.of(new UpstreamFailure(status == 429 ? Kind.RATE_LIMITED : Kind.UNAVAILABLE, said, retryAfter));
        }
        if (status >= 500) {
            return Optional.of(new UpstreamFailure(Kind.UNAVAILABLE, said, Optional.empty()));
        }
        if (status == 401) {
            return Optional.of(new UpstreamFailure(Kind.UNAUTHORIZED,
                    "the upstream register refused the Maskinporten token (HTTP 401)" + detail(response.body()), Optional.empty()));
        }
        return Optional.of(new UpstreamFailure(Kind.REFUSED, said, Optional.empty()));
    }

    /** The failure an exception of one attempt stands for; {@code now} reads an HTTP-date {@code Retry-After}. */
    public static UpstreamFailure of(Throwable thrown, Instant now) {
        if (thrown instanceof UpstreamUnavailableException unavailable) {
            return of(unavailable.response(), now).orElseThrow();
        }
        if (thrown instanceof CircuitBreakerOpenException) {
            return new UpstreamFailure(Kind.CIRCUIT_OPEN, "the circuit breaker of the upstream register is open "
                    + "(too many recent failures)", Optional.empty());
        }
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof SocketTimeoutException || t instanceof HttpTimeoutException
                    || t instanceof InterruptedIOException) {
                return new UpstreamFailure(Kind.TIMEOUT, "the upstream register did not answer in time", Optional.empty());
            }
        }
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return new UpstreamFailure(Kind.CONNECTION, "cannot connect to the upstream register: " + message(t), Optional.empty());
            }
            if (t instanceof UnknownHostException) {
                return new UpstreamFailure(Kind.CONNECTION, "unknown host of the upstream register: " + message(t), Optional.empty());
            }
        }
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof ProcessingException) {
                return new UpstreamFailure(Kind.CONNECTION, "the connection to the upstream register failed: " + message(t),
                        Optional.empty());
            }
        }
        return new UpstreamFailure(Kind.UNEXPECTED, "unexpected failure calling the upstream register: " + message(thrown),
                Optional.empty());
    }

    /** A 2xx answer whose body cannot be read. */
    public static UpstreamFailure malformed(String why) {
        return new UpstreamFailure(Kind.MALFORMED, "the upstream register answered with a malformed body: " + why, Optional.empty());
    }

    private static String message(Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : " " + t.getMessage());
    }

    /** {@code : <title or error>} from a problem or OAuth error body, when there is one; never the raw body. */
    private static String detail(String body) {
        if (body == null || body.isBlank() || body.length() > 16_384) {
            return "";
        }
        try {
            JsonValue value = Json.createReader(new StringReader(body)).readValue();
            if (value instanceof JsonObject object) {
                for (String member : new String[] {"detail", "title", "error_description", "error", "message"}) {
                    if (object.get(member) instanceof JsonString text && !text.getString().isBlank()) {
                        String shown = text.getString();
                        return ": " + (shown.length() > 200 ? shown.substring(0, 200) + "…" : shown);
                    }
                }
            }
        } catch (JsonException | IllegalStateException e) {
            // not JSON: say nothing rather than echo an unknown body
        }
        return "";
    }
}
