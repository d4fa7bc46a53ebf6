package no.krr.upstream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * One attempt at {@code POST /rest/v1/personer}, with a time limit and guarded by a MicroProfile
 * Fault Tolerance {@code @CircuitBreaker} shared by every partition of the
 * reconciliation, so that a register that is down is left alone for a while instead of being hit
 * by every retry of every partition. The retry loop is not here but in {@link UpstreamRegister}
 * (see there for why).
 *
 * <p>A 429 or 5xx answer is thrown as {@link UpstreamUnavailableException} so that the breaker
 * counts it; every other answer (2xx, and 4xx which say something about our request, not the
 * register's health) is returned.
 *
 * <p>The time limit is the Rest Client's own connect and read timeout ({@code krr.upstream.timeout-ms},
 * default 10000), not MP FT's {@code @Timeout}: Payara's {@code @Timeout} runs a timer task per call
 * on its scheduled executor, which logged a warning with a stack trace for every call (a context
 * it could not reset), and a socket timeout also leaves no socket behind the attempt.
 *
 * <p>The breaker is configurable by MP Config (MP FT's {@code <class>/<method>/<annotation>/<parameter>}
 * keys): {@code no.krr.upstream.UpstreamCall/post/CircuitBreaker/requestVolumeThreshold} (20),
 * {@code …/failureRatio} (0.5), {@code …/delay} (ms, 5000), {@code …/successThreshold} (2).
 */
@ApplicationScoped
public class UpstreamCall {

    @Inject
    UpstreamSettings settings;

    private volatile PersonerClient client;

    /**
     * @param accessToken a Maskinporten access token, sent as {@code Authorization: Bearer}
     * @param body        {@code {"personidentifikatorer":[…]}}
     * @return the answer, 2xx or 4xx
     * @throws UpstreamUnavailableException on 429 or 5xx
     */
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5_000, successThreshold = 2)
    public UpstreamResponse post(String accessToken, String body) throws UpstreamUnavailableException {
        UpstreamResponse answer;
        try (Response response = client().personer("Bearer " + accessToken, body)) {
            answer = read(response);
        } catch (WebApplicationException e) {
            // only if the default exception mapper were on after all: its response is the answer
            answer = read(e.getResponse());
        }
        if (answer.registerInTrouble()) {
            throw new UpstreamUnavailableException(answer);
        }
        return answer;
    }

    private static UpstreamResponse read(Response response) {
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        return new UpstreamResponse(response.getStatus(), Optional.ofNullable(response.getHeaderString("Retry-After")), body);
    }

    private PersonerClient client() {
        PersonerClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    long timeout = settings.timeout().toMillis();
                    c = RestClientBuilder.newBuilder()
                            .baseUri(settings.url())
                            .connectTimeout(timeout, TimeUnit.MILLISECONDS)
                            .readTimeout(timeout, TimeUnit.MILLISECONDS)
                            // every status comes back as a Response: the retry loop classifies it
                            .property("microprofile.rest.client.disable.default.mapper", true)
                            .build(PersonerClient.class);
                    client = c;
                }
            }
        }
        return c;
    }
}
