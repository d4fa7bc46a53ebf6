package no.krr.upstream;

/**
 * Thrown by {@link UpstreamCall#post} for a 429 or 5xx answer, so that MicroProfile Fault
 * Tolerance's circuit breaker counts it as a failure (it only sees exceptions). Carries the answer,
 * {@code Retry-After} included.
 */
public class UpstreamUnavailableException extends Exception {

    private final transient UpstreamResponse response;

    public UpstreamUnavailableException(UpstreamResponse response) {
        super("the upstream register answered HTTP " + response.status(), null, false, false);
        this.response = response;
    }

    public UpstreamResponse response() {
        return response;
    }
}
