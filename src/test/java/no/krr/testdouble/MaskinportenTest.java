package no.krr.testdouble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Maskinporten double holds clients to the grant rules of docs/register.md §4. */
class MaskinportenTest {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static MutableClock clock;
    static OutsideWorld world;
    static MaskinportenClient client;
    static MaskinportenClient stranger;

    @BeforeAll
    static void start() {
        clock = MutableClock.startingNow();
        world = OutsideWorld.start(0, clock);
        client = MaskinportenClient.shared("krr-test-client").trustIn(world);
        stranger = MaskinportenClient.shared("krr-stranger"); // never trusted
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @BeforeEach
    void reset() {
        world.maskinporten().reset();
        world.maskinporten().allowScopes(client.clientId(), Maskinporten.KONTAKTINFORMASJON_READ, Maskinporten.DIGITALPOST_READ);
    }

    private static HttpResponse<String> grant(String assertion) throws Exception {
        return grant(world, assertion);
    }

    private static HttpResponse<String> post(String form) throws Exception {
        return post(world, form);
    }

    static HttpResponse<String> grant(OutsideWorld world, String assertion) throws Exception {
        return post(world, "grant_type=" + URLEncoder.encode(Maskinporten.GRANT_TYPE, StandardCharsets.UTF_8)
                + "&assertion=" + URLEncoder.encode(assertion, StandardCharsets.UTF_8));
    }

    static HttpResponse<String> post(OutsideWorld world, String form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(world.maskinportenTokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private String assertion(Map<String, Object> overrides) {
        return client.assertion(world.maskinportenAudience(), clock.instant(), overrides);
    }

    private static void assertRefused(HttpResponse<String> response, int status, String error, String inDescription) {
        assertEquals(status, response.statusCode(), response.body());
        JsonObject body = json(response);
        assertEquals(error, body.getString("error"));
        assertTrue(body.getString("error_description").contains(inDescription), body.getString("error_description"));
    }

    @Test
    void theEndpointAndAudienceHangOffTheBaseUrl() {
        assertEquals(world.baseUrl() + "/maskinporten/token", world.maskinportenTokenUrl());
        assertEquals(world.baseUrl() + "/maskinporten/", world.maskinportenAudience());
        assertEquals(world.baseUrl() + "/register", world.registerUrl());
    }

    @Test
    void aGoodGrantGetsAToken() throws Exception {
        HttpResponse<String> response = grant(assertion(Map.of()));
        assertEquals(200, response.statusCode(), response.body());
        JsonObject body = json(response);
        assertEquals("Bearer", body.getString("token_type"));
        assertEquals(120, body.getInt("expires_in"));
        assertEquals(Maskinporten.KONTAKTINFORMASJON_READ, body.getString("scope"));
        Maskinporten.IssuedToken token = world.maskinporten().introspect(body.getString("access_token")).orElseThrow();
        assertEquals(client.clientId(), token.clientId());
        assertEquals(1, world.maskinporten().grants());
    }

    @Test
    void theLifetimeIsConfigurableAndTokensExpire() throws Exception {
        world.maskinporten().expiresIn(Duration.ofSeconds(300));
        JsonObject body = json(grant(assertion(Map.of())));
        assertEquals(300, body.getInt("expires_in"));
        String token = body.getString("access_token");
        clock.advance(Duration.ofSeconds(299));
        assertTrue(world.maskinporten().introspect(token).isPresent());
        clock.advance(Duration.ofSeconds(1));
        assertFalse(world.maskinporten().introspect(token).isPresent());
    }

    @Test
    void aReplayedJtiIsRefused() throws Exception {
        String assertion = assertion(Map.of());
        assertEquals(200, grant(assertion).statusCode());
        assertRefused(grant(assertion), 400, "invalid_grant", "replay");
        assertEquals(1, world.maskinporten().grants());
        assertEquals(1, world.maskinporten().rejections());
    }

    @Test
    void anAssertionLivingLongerThan120SecondsIsRefused() throws Exception {
        Instant now = clock.instant();
        assertRefused(grant(assertion(Map.of("exp", now.plusSeconds(121)))), 400, "invalid_grant", "120 seconds");
        assertEquals(200, grant(assertion(Map.of("exp", now.plusSeconds(120)))).statusCode());
    }

    @Test
    void anExpiredAssertionIsRefused() throws Exception {
        Instant past = clock.instant().minusSeconds(300);
        assertRefused(grant(client.assertion(world.maskinportenAudience(), past, Map.of())), 400, "invalid_grant", "expired");
    }

    @Test
    void anAssertionFromTheFutureIsRefused() throws Exception {
        Instant later = clock.instant().plusSeconds(60);
        assertRefused(grant(client.assertion(world.maskinportenAudience(), later, Map.of())), 400, "invalid_grant", "future");
    }

    @Test
    void theWrongAudienceIsRefused() throws Exception {
        assertRefused(grant(assertion(Map.of("aud", "https://maskinporten.no/"))), 400, "invalid_grant", "audience");
        assertRefused(grant(assertion(Map.of("aud", world.baseUrl() + "/maskinporten"))), 400, "invalid_grant", "audience");
    }

    @Test
    void anUnknownCertificateIsRefused() throws Exception {
        String assertion = stranger.assertion(world.maskinportenAudience(), clock.instant(), Map.of("iss", client.clientId()));
        assertRefused(grant(assertion), 401, "invalid_client", "Invalid client certificate");
    }

    @Test
    void theIssuerMustBeTheClientOfTheCertificate() throws Exception {
        world.maskinporten().trust(stranger.certificate(), stranger.clientId());
        try {
            assertRefused(grant(assertion(Map.of("iss", stranger.clientId()))), 401, "invalid_client", "another client");
            assertRefused(grant(assertion(Map.of("iss", "nobody"))), 401, "invalid_client", "Unknown client");
        } finally {
            world.maskinporten().distrust(stranger.certificate());
        }
    }

    @Test
    void aScopeNotAllowedIsRefused() throws Exception {
        world.maskinporten().allowScopes(client.clientId(), Maskinporten.DIGITALPOST_READ);
        assertRefused(grant(assertion(Map.of())), 400, "invalid_scope", "not allowed");
        assertRefused(grant(assertion(Map.of("scope", ""))), 400, "invalid_scope", "Missing");
    }

    @Test
    void missingClaimsAreRefused() throws Exception {
        Map<String, Object> noJti = new HashMap<>();
        noJti.put("jti", null);
        assertRefused(grant(assertion(noJti)), 400, "invalid_grant", "jti");
        Map<String, Object> noIat = new HashMap<>();
        noIat.put("iat", null);
        assertRefused(grant(assertion(noIat)), 400, "invalid_grant", "iat");
    }

    @Test
    void aTamperedAssertionIsRefused() throws Exception {
        String good = assertion(Map.of());
        String[] parts = good.split("\\.");
        String otherClaims = assertion(Map.of("scope", Maskinporten.DIGITALPOST_READ)).split("\\.")[1];
        assertRefused(grant(parts[0] + "." + otherClaims + "." + parts[2]), 400, "invalid_grant", "signature");
    }

    @Test
    void theGrantTypeAndFormAreChecked() throws Exception {
        assertRefused(post("grant_type=client_credentials&assertion=x"), 400, "unsupported_grant_type", "jwt-bearer");
        assertRefused(post("grant_type=" + URLEncoder.encode(Maskinporten.GRANT_TYPE, StandardCharsets.UTF_8)), 400,
                "invalid_request", "assertion");
        assertRefused(grant("not-a-jwt"), 400, "invalid_grant", "Not a signed JWT");
    }

    @Test
    void failNextPlantsOneRefusal() throws Exception {
        world.maskinporten().failNext("invalid_client", "Invalid client certificate");
        assertRefused(grant(assertion(Map.of())), 401, "invalid_client", "Invalid client certificate");
        assertEquals(200, grant(assertion(Map.of())).statusCode());
        world.maskinporten().failNext(503, "temporarily_unavailable", "down for maintenance");
        assertRefused(grant(assertion(Map.of())), 503, "temporarily_unavailable", "maintenance");
    }

    @Test
    void revokedTokensAreUnknown() throws Exception {
        String token = json(grant(assertion(Map.of()))).getString("access_token");
        world.maskinporten().revokeAll();
        assertFalse(world.maskinporten().introspect(token).isPresent());
    }
}
