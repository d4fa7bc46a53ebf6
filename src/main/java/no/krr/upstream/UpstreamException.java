package no.krr.upstream;

/**
 * The upstream register (or Maskinporten, on its way there) could not answer a lookup. The
 * {@link #reason()} is safe to store in a report or a log line: it never holds a token, and a
 * national id in it is masked ({@code 230794*****}).
 *
 * <p>{@link #retryable()} tells a caller whether trying again later may help (an outage, rate
 * limits, timeouts: {@code true}) or whether something must be fixed first (configuration, a
 * refused certificate, a request the register rejects: {@code false}), so that a job can fail fast
 * on the second kind instead of marking every person as an upstream error.
 */
public class UpstreamException extends Exception {

    private final boolean retryable;

    public UpstreamException(String reason, boolean retryable) {
        this(reason, retryable, null);
    }

    public UpstreamException(String reason, boolean retryable, Throwable cause) {
        super(Redact.text(reason), cause);
        this.retryable = retryable;
    }

    /** Why, in one line. */
    public String reason() {
        return getMessage();
    }

    public boolean retryable() {
        return retryable;
    }
}
