package no.krr.console;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.util.Optional;

/**
 * What the console needs of the admin issuer's discovery document (OpenID Connect Discovery 1.0):
 * where to send the operator, where to exchange the code, the keys, and where to log out (optional).
 * The issuer must be the configured one, so that a document served elsewhere cannot redirect the
 * login.
 */
public record ProviderMetadata(String issuer, URI authorizationEndpoint, URI tokenEndpoint, URI jwksUri,
                               Optional<URI> endSessionEndpoint) {

    public static ProviderMetadata parse(JsonObject document, String expectedIssuer) {
        String issuer = text(document, "issuer")
                .orElseThrow(() -> new IllegalArgumentException("the discovery document has no issuer"));
        if (!issuer.equals(expectedIssuer)) {
            throw new IllegalArgumentException("the discovery document names issuer " + issuer + ", not " + expectedIssuer);
        }
        return new ProviderMetadata(issuer, uri(document, "authorization_endpoint"), uri(document, "token_endpoint"),
                uri(document, "jwks_uri"), text(document, "end_session_endpoint").map(URI::create));
    }

    private static URI uri(JsonObject document, String member) {
        return text(document, member).map(URI::create)
                .orElseThrow(() -> new IllegalArgumentException("the discovery document has no " + member));
    }

    private static Optional<String> text(JsonObject document, String member) {
        return document.get(member) instanceof JsonString value && !value.getString().isBlank()
                ? Optional.of(value.getString()) : Optional.empty();
    }
}
