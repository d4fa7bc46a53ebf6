package no.krr.upstream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@link UpstreamCall} without MicroProfile: the same request over the JDK's HTTP client, so the
 * retry loop of {@link UpstreamRegister} runs in a unit test against the register double. (No
 * {@code @Timeout} or circuit breaker here: the request timeout stands in for the first.)
 */
final class JdkHttpUpstreamCall extends UpstreamCall {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI uri;
    private final Duration timeout;

    JdkHttpUpstreamCall(UpstreamSettings settings) {
        this.uri = URI.create(settings.url() + "/rest/v1/personer");
        this.timeout = settings.timeout();
    }

    @Override
    public UpstreamResponse post(String accessToken, String body) throws UpstreamUnavailableException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        UpstreamResponse answer = new UpstreamResponse(response.statusCode(), response.headers().firstValue("Retry-After"),
                response.body());
        if (answer.registerInTrouble()) {
            throw new UpstreamUnavailableException(answer);
        }
        return answer;
    }
}
