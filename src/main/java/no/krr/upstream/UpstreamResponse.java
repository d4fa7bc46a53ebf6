package no.krr.upstream;

import java.util.Optional;

/**
 * One HTTP answer of {@code POST /rest/v1/personer}, as plain values: what the retry loop and the
 * answer reader need, without the JAX-RS types (so both are unit-tested without a runtime).
 */
public record UpstreamResponse(int status, Optional<String> retryAfter, String body) {

    public UpstreamResponse {
        body = body == null ? "" : body;
        retryAfter = retryAfter == null ? Optional.empty() : retryAfter;
    }

    public boolean successful() {
        return status >= 200 && status < 300;
    }

    /**
     * Whether this answer says the register is overloaded or failing (429, 5xx): those count against
     * the circuit breaker. A 4xx says something about our request, not about the register's health.
     */
    public boolean registerInTrouble() {
        return status == 429 || status >= 500;
    }
}
