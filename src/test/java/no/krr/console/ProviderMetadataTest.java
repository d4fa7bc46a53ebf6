package no.krr.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import org.junit.jupiter.api.Test;

class ProviderMetadataTest {

    static final String ISSUER = "https://idp.example.no/agency";

    static JsonObject document(String issuer) {
        return Json.createObjectBuilder().add("issuer", issuer)
                .add("authorization_endpoint", ISSUER + "/authorize").add("token_endpoint", ISSUER + "/token")
                .add("jwks_uri", ISSUER + "/jwks.json").build();
    }

    @Test
    void readsTheEndpoints() {
        ProviderMetadata metadata = ProviderMetadata.parse(document(ISSUER), ISSUER);
        assertEquals(URI.create(ISSUER + "/authorize"), metadata.authorizationEndpoint());
        assertEquals(URI.create(ISSUER + "/token"), metadata.tokenEndpoint());
        assertTrue(metadata.endSessionEndpoint().isEmpty());
    }

    @Test
    void refusesADocumentOfAnotherIssuer() {
        assertThrows(IllegalArgumentException.class,
                () -> ProviderMetadata.parse(document("https://evil.example/agency"), ISSUER));
    }

    @Test
    void refusesADocumentWithoutATokenEndpoint() {
        JsonObject document = Json.createObjectBuilder(document(ISSUER)).remove("token_endpoint").build();
        assertThrows(IllegalArgumentException.class, () -> ProviderMetadata.parse(document, ISSUER));
    }
}
