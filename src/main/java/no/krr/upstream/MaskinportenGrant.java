package no.krr.upstream;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One JWT-bearer grant at Maskinporten: {@code POST krr.maskinporten.token-url} with a form of
 * {@code grant_type} and a signed {@code assertion}, and the answer read into a token and its
 * lifetime. Its failures are classified here (an outage is retryable, a refusal is not), not by
 * the Fault Tolerance of the lookup: a failed grant is retried by the lookup's own loop.
 *
 * <p>The JDK's {@link HttpClient}, not a MicroProfile Rest Client: it is one plain form POST, and it
 * runs the same in a unit test against the Maskinporten double as in the server.
 */
final class MaskinportenGrant {

    static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    /** When Maskinporten names no lifetime, trust the token this long. */
    static final Duration UNKNOWN_LIFETIME = Duration.ofSeconds(60);

    /** An access token and how long Maskinporten said it lives. */
    record Granted(String accessToken, Duration lifetime) {
    }

    private final MaskinportenSettings settings;
    private final MaskinportenAssertion assertion;
    private volatile HttpClient http;

    MaskinportenGrant(MaskinportenSettings settings, MaskinportenAssertion assertion) {
        this.settings = settings;
        this.assertion = assertion;
    }

    /** Asks for a token; {@code now} is when the grant goes out (the assertion's {@code iat}). */
    Granted request(Instant now) throws UpstreamException {
        URI tokenUrl = settings.tokenUrl();
        String signed = assertion.sign(now);
        String form = "grant_type=" + URLEncoder.encode(GRANT_TYPE, StandardCharsets.UTF_8)
                + "&assertion=" + URLEncoder.encode(signed, StandardCharsets.UTF_8);
        Duration timeout = settings.timeout();
        HttpRequest request = HttpRequest.newBuilder(tokenUrl)
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response;
        try {
            response = http(timeout).send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UpstreamException("Maskinporten could not be reached at " + tokenUrl + ": "
                    + UpstreamFailure.of(e, now).reason(), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamException("interrupted while asking Maskinporten for a token", true);
        }
        return granted(response);
    }

    private static Granted granted(HttpResponse<String> response) throws UpstreamException {
        int status = response.statusCode();
        Optional<JsonObject> json = json(response.body());
        if (status < 200 || status >= 300) {
            Optional<String> error = json.flatMap(o -> text(o, "error"));
            boolean retryable = status == 429 || status >= 500;
            if (error.isPresent()) {
                String description = json.flatMap(o -> text(o, "error_description")).map(d -> " (" + d + ")").orElse("");
                throw new UpstreamException("Maskinporten refused the grant: " + error.get() + description
                        + (retryable ? " (HTTP " + status + ")" : ""), retryable);
            }
            throw new UpstreamException("Maskinporten answered the grant with HTTP " + status, retryable);
        }
        Optional<String> accessToken = json.flatMap(o -> text(o, "access_token"));
        if (accessToken.isEmpty()) {
            throw new UpstreamException("Maskinporten answered the grant without an access_token", true);
        }
        Duration lifetime = json.map(o -> o.get("expires_in"))
                .filter(JsonNumber.class::isInstance).map(v -> ((JsonNumber) v).longValue())
                .filter(seconds -> seconds > 0).map(Duration::ofSeconds)
                .orElse(UNKNOWN_LIFETIME);
        return new Granted(accessToken.get(), lifetime);
    }

    private HttpClient http(Duration connectTimeout) {
        HttpClient client = http;
        if (client == null) {
            synchronized (this) {
                client = http;
                if (client == null) {
                    client = HttpClient.newBuilder()
                            .version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(connectTimeout)
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .build();
                    http = client;
                }
            }
        }
        return client;
    }

    // lenient on purpose: an error page that is not JSON still yields its HTTP status
    private static Optional<JsonObject> json(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.createReader(new StringReader(body)).readObject());
        } catch (JsonException | IllegalStateException | ClassCastException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> text(JsonObject object, String member) {
        return object.get(member) instanceof JsonString s && !s.getString().isBlank() ? Optional.of(s.getString()) : Optional.empty();
    }
}
