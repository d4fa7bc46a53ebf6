package no.krr.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The admin issuer seen as the console's OpenID provider: its discovery document (fetched once,
 * again after a failure) and the token endpoint. Plain JDK HTTP: two calls, no library needed.
 */
@ApplicationScoped
public class OpenIdProvider {

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** The provider said no, or could not be reached; the message is safe to show (no token, no code). */
    public static final class Unavailable extends Exception {
        Unavailable(String message) {
            super(message);
        }
    }

    /** The token endpoint's answer to a code exchange. */
    public record Tokens(String accessToken, String idToken) {
        @Override
        public String toString() {
            return "Tokens[…]";
        }
    }

    @Inject
    ConsoleSettings settings;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private volatile ProviderMetadata metadata;

    public ProviderMetadata metadata() throws Unavailable {
        ProviderMetadata current = metadata;
        if (current == null) {
            String issuer = settings.issuer().orElseThrow(() -> new Unavailable("no admin issuer is configured"));
            URI discovery = URI.create(issuer + "/.well-known/openid-configuration");
            HttpResponse<String> response = send(HttpRequest.newBuilder(discovery).timeout(TIMEOUT).GET().build());
            if (response.statusCode() != 200) {
                throw new Unavailable("the identity provider's discovery document answered " + response.statusCode());
            }
            try {
                current = ProviderMetadata.parse(json(response.body()), issuer);
            } catch (RuntimeException e) {
                throw new Unavailable("the identity provider's discovery document is not usable: " + e.getMessage());
            }
            metadata = current;
        }
        return current;
    }

    /** Exchanges an authorization code, with the PKCE verifier of its login. */
    public Tokens exchange(String code, URI redirectUri, Pkce pkce) throws Unavailable {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri.toString());
        form.put("code_verifier", pkce.verifier());
        HttpRequest.Builder request = HttpRequest.newBuilder(metadata().tokenEndpoint()).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json");
        settings.clientSecret().ifPresentOrElse(
                secret -> request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (basicPart(settings.clientId()) + ":" + basicPart(secret)).getBytes(StandardCharsets.UTF_8))),
                () -> form.put("client_id", settings.clientId()));
        HttpResponse<String> response = send(request.POST(HttpRequest.BodyPublishers.ofString(QueryStrings.of(form))).build());
        JsonObject answer;
        try {
            answer = json(response.body());
        } catch (RuntimeException e) {
            throw new Unavailable("the token endpoint answered " + response.statusCode() + " without JSON");
        }
        if (response.statusCode() != 200) {
            throw new Unavailable("the token endpoint refused the code: " + answer.getString("error", "status " + response.statusCode()));
        }
        Optional<String> access = Optional.ofNullable(answer.getString("access_token", null));
        Optional<String> id = Optional.ofNullable(answer.getString("id_token", null));
        if (access.isEmpty() || id.isEmpty()) {
            throw new Unavailable("the token endpoint gave no access token or no ID token");
        }
        return new Tokens(access.get(), id.get());
    }

    private HttpResponse<String> send(HttpRequest request) throws Unavailable {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Unavailable("the identity provider cannot be reached (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while calling the identity provider");
        }
    }

    private static JsonObject json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    /** RFC 6749 §2.3.1: the client id and secret are form-encoded before they are joined for HTTP Basic. */
    private static String basicPart(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
