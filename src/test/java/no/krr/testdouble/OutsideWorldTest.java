package no.krr.testdouble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OutsideWorldTest {

    private static OutsideWorld world;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        world = OutsideWorld.start(0);
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void baseUrlAndIssuerAreOnLoopbackWithoutTrailingSlash() {
        assertTrue(world.baseUrl().matches("http://127\\.0\\.0\\.1:\\d+"), world.baseUrl());
        assertTrue(world.port() > 0);
        assertEquals(world.baseUrl() + "/idporten", world.idportenIssuer());
        assertEquals(world.idportenIssuer(), world.idporten().issuer());
    }

    @Test
    void servesTheOpenIdConfiguration() throws Exception {
        HttpResponse<String> response = get(world.baseUrl() + "/idporten/.well-known/openid-configuration");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonObject config = Json.createReader(new StringReader(response.body())).readObject();
        assertEquals(world.idportenIssuer(), config.getString("issuer"));
        assertEquals(world.idportenJwksUrl(), config.getString("jwks_uri"));
        assertEquals(world.baseUrl() + "/idporten/jwks.json", config.getString("jwks_uri"));
        assertEquals(world.baseUrl() + "/idporten/token", config.getString("token_endpoint"));
    }

    @Test
    void servesThePublicKeysOnly() throws Exception {
        HttpResponse<String> response = get(world.idportenJwksUrl());
        assertEquals(200, response.statusCode());
        JWKSet jwks = JWKSet.parse(response.body());
        assertFalse(jwks.getKeys().isEmpty());
        RSAKey key = (RSAKey) jwks.getKeyByKeyId(world.idporten().kid());
        assertNotNull(key, "the current kid is published");
        assertEquals(JWSAlgorithm.RS256, key.getAlgorithm());
        assertEquals(KeyUse.SIGNATURE, key.getKeyUse());
        assertFalse(key.isPrivate());
        assertEquals(2048, key.size());
        assertFalse(response.body().contains("\"d\""), "no private exponent on the wire");
        assertTrue(world.jwksRequests() >= 1);
    }

    @Test
    void aMintedTokenVerifiesAgainstTheServedJwks() throws Exception {
        String token = world.idporten().token("23079421936").mint();
        assertVerifiesAgainstServedJwks(token);
    }

    @Test
    void afterKeyRotationBothKeysArePublishedAndNewTokensCarryTheNewKid() throws Exception {
        try (OutsideWorld own = OutsideWorld.start(0)) {
            String oldKid = own.idporten().kid();
            String oldToken = own.idporten().token("23079421936").mint();
            own.idporten().rotateKey();
            String newToken = own.idporten().token("23079421936").mint();
            JWKSet jwks = JWKSet.parse(get(own.idportenJwksUrl()).body());
            assertEquals(2, jwks.getKeys().size());
            assertNotNull(jwks.getKeyByKeyId(oldKid));
            assertEquals(own.idporten().kid(), SignedJWT.parse(newToken).getHeader().getKeyID());
            for (String token : new String[] {oldToken, newToken}) {
                SignedJWT jwt = SignedJWT.parse(token);
                RSAKey key = (RSAKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
                assertTrue(jwt.verify(new RSASSAVerifier(key)));
            }
        }
    }

    @Test
    void theTokenEndpointMintsForHumansWithDefaults() throws Exception {
        HttpResponse<String> response = get(world.idportenTokenUrl() + "?pid=23079421936");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        SignedJWT jwt = assertVerifiesAgainstServedJwks(response.body().trim());
        var claims = jwt.getJWTClaimsSet();
        assertEquals("23079421936", claims.getStringClaim("pid"));
        assertEquals(String.join(" ", IdPorten.USER_SCOPES), claims.getStringClaim("scope"));
        assertEquals("idporten-loa-substantial", claims.getStringClaim("acr"));
        assertEquals(world.idportenIssuer(), claims.getIssuer());
        long lifetime = Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()).toSeconds();
        assertEquals(3600, lifetime);
    }

    @Test
    void theTokenEndpointTakesScopeAcrAndLifetime() throws Exception {
        HttpResponse<String> response = get(world.idportenTokenUrl()
                + "?pid=18886799280&scope=krr:user/spraak.write%20user/spraak.read&acr=idporten-loa-high&lifetime=60");
        var claims = assertVerifiesAgainstServedJwks(response.body()).getJWTClaimsSet();
        assertEquals("krr:user/spraak.write user/spraak.read", claims.getStringClaim("scope"));
        assertEquals("idporten-loa-high", claims.getStringClaim("acr"));
        assertEquals("18886799280", claims.getStringClaim("pid"));
        assertTrue(claims.getExpirationTime().toInstant().isBefore(Instant.now().plusSeconds(61)));

        var admin = SignedJWT.parse(get(world.idportenTokenUrl() + "?scope=krr:admin").body()).getJWTClaimsSet();
        assertEquals("krr:admin", admin.getStringClaim("scope"));
        assertEquals(null, admin.getClaim("pid"));
    }

    @Test
    void theAgencyIdpIsASecondIssuerWithItsOwnKeysAndMintsAdminTokens() throws Exception {
        JsonObject config = Json.createReader(new StringReader(get(world.agencyConfigurationUrl()).body())).readObject();
        assertEquals(world.baseUrl() + "/agency", config.getString("issuer"));
        assertEquals(world.agencyJwksUrl(), config.getString("jwks_uri"));

        SignedJWT jwt = SignedJWT.parse(get(world.agencyAdminTokenUrl()).body());
        RSAKey key = (RSAKey) JWKSet.parse(get(world.agencyJwksUrl()).body()).getKeyByKeyId(jwt.getHeader().getKeyID());
        assertNotNull(key, "the admin token's kid is in the agency's JWKS");
        assertTrue(jwt.verify(new RSASSAVerifier(key)));
        assertEquals(null, JWKSet.parse(get(world.idportenJwksUrl()).body()).getKeyByKeyId(jwt.getHeader().getKeyID()),
                "the agency's keys are not ID-porten's");
        var claims = jwt.getJWTClaimsSet();
        assertEquals(world.agencyIssuer(), claims.getIssuer());
        assertEquals(AgencyIdp.DEFAULT_SUB, claims.getSubject());
        assertEquals(AgencyIdp.DEFAULT_CLIENT_ID, claims.getStringClaim("client_id"));
        assertEquals(java.util.List.of(AgencyIdp.DEFAULT_AUDIENCE), claims.getAudience());
        assertEquals(AgencyIdp.ADMIN_SCOPE, claims.getStringClaim("scope"));
        assertEquals(null, claims.getClaim("pid"));
        assertEquals(null, claims.getClaim("acr"));

        var asked = SignedJWT.parse(get(world.agencyAdminTokenUrl()
                + "?sub=ops-2&client_id=batch&aud=other&scope=a%20b&lifetime=60").body()).getJWTClaimsSet();
        assertEquals("ops-2", asked.getSubject());
        assertEquals("batch", asked.getStringClaim("client_id"));
        assertEquals(java.util.List.of("other"), asked.getAudience());
        assertEquals("a b", asked.getStringClaim("scope"));
        assertTrue(asked.getExpirationTime().toInstant().isBefore(Instant.now().plusSeconds(61)));
        assertEquals(400, get(world.agencyAdminTokenUrl() + "?lifetime=soon").statusCode());
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405() throws Exception {
        HttpResponse<String> missing = get(world.baseUrl() + "/nowhere");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create(world.idportenJwksUrl()))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
        assertEquals("GET", post.headers().firstValue("Allow").orElse(""));
    }

    @Test
    void routesCanBeAddedExactAndByPrefix() throws Exception {
        try (OutsideWorld own = OutsideWorld.start(0)) {
            own.route("POST", "/register/rest/v1/personer",
                    exchange -> OutsideWorld.sendJson(exchange, 200, "{\"personer\":[]}"));
            own.route("GET", "/faults/*", exchange -> OutsideWorld.send(exchange, 503, "text/plain", "down"));
            own.route("GET", "/faults/deeper/*", exchange -> OutsideWorld.send(exchange, 429, "text/plain", "slow"));
            HttpResponse<String> register = HTTP.send(HttpRequest.newBuilder(URI.create(own.baseUrl() + "/register/rest/v1/personer"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, register.statusCode());
            assertEquals("{\"personer\":[]}", register.body());
            assertEquals(503, get(own.baseUrl() + "/faults/a/b").statusCode());
            assertEquals(429, get(own.baseUrl() + "/faults/deeper/x").statusCode());
            own.route("GET", "/boom", exchange -> {
                throw new IllegalStateException("boom");
            });
            assertEquals(500, get(own.baseUrl() + "/boom").statusCode());
            own.removeRoute("GET", "/boom");
            assertEquals(404, get(own.baseUrl() + "/boom").statusCode());
        }
    }

    private static SignedJWT assertVerifiesAgainstServedJwks(String token) throws Exception {
        JWKSet jwks = JWKSet.parse(get(world.idportenJwksUrl()).body());
        SignedJWT jwt = SignedJWT.parse(token);
        assertEquals(JWSAlgorithm.RS256, jwt.getHeader().getAlgorithm());
        RSAKey key = (RSAKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertNotNull(key, "kid " + jwt.getHeader().getKeyID() + " is in the served JWKS");
        assertTrue(jwt.verify(new RSASSAVerifier(key)), "signature verifies");
        return jwt;
    }
}
