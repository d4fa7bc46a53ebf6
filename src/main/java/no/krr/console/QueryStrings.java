package no.krr.console;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code application/x-www-form-urlencoded}: the authorization request's query, the token request's body, the logout's query. */
final class QueryStrings {

    private QueryStrings() {
    }

    static String of(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** {@code endpoint} with these parameters added to its own query, if it has one. */
    static URI append(URI endpoint, Map<String, String> parameters) {
        return URI.create(endpoint + (endpoint.getRawQuery() == null ? "?" : "&") + of(parameters));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
