package no.krr.testdouble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The agency identity provider's login in the double: the page, the one-time code, PKCE at the token endpoint. */
class AgencyLoginTest {

    static final String VERIFIER = "a-verifier-of-forty-three-characters-or-mo";
    static final String REDIRECT = "http://127.0.0.1:1/console/callback";

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

    static String form(Map<String, String> values) {
        return values.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    static String challenge(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    static HttpResponse<String> post(String path, Map<String, String> values) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(world.agencyIssuer() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(values))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The code the page's form gives for this user. */
    static String codeFor(String user) throws Exception {
        Map<String, String> choice = new LinkedHashMap<>(Map.of("client_id", "krr-admin-console", "redirect_uri", REDIRECT,
                "state", "s1", "nonce", "n1", "code_challenge", challenge(VERIFIER), "scope", "openid krr:admin"));
        choice.put("who", user);
        HttpResponse<String> chosen = post("/authorize", choice);
        assertEquals(302, chosen.statusCode());
        String location = chosen.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(REDIRECT + "?code=") && location.endsWith("&state=s1"), location);
        return location.substring(location.indexOf("code=") + 5, location.indexOf("&state"));
    }

    static HttpResponse<String> token(String code, String verifier) throws Exception {
        return post("/token", Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT,
                "client_id", "krr-admin-console", "code_verifier", verifier));
    }

    @Test
    void thePageOffersTheTestUsersOnlyForACodeRequestWithPkce() throws Exception {
        String query = "?response_type=code&client_id=krr-admin-console&redirect_uri=" + URLEncoder.encode(REDIRECT,
                StandardCharsets.UTF_8) + "&state=s&nonce=n&code_challenge=" + challenge(VERIFIER);
        HttpResponse<String> withPkce = HTTP.send(HttpRequest.newBuilder(URI.create(world.agencyIssuer() + "/authorize"
                + query + "&code_challenge_method=S256")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, withPkce.statusCode());
        AgencyLogin.USERS.forEach(user -> assertTrue(withPkce.body().contains("id=\"login-" + user.id() + "\""), user.id()));
        HttpResponse<String> plain = HTTP.send(HttpRequest.newBuilder(URI.create(world.agencyIssuer() + "/authorize"
                + query + "&code_challenge_method=plain")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, plain.statusCode());
    }

    @Test
    void theCodeGivesTokensOnceAndOnlyWithTheVerifier() throws Exception {
        String code = codeFor("operator-1");
        assertEquals(400, token(code, "another-verifier-of-forty-three-characters").statusCode());
        // a refused exchange spends the code too
        assertEquals(400, token(code, VERIFIER).statusCode());

        String second = codeFor("operator-1");
        HttpResponse<String> tokens = token(second, VERIFIER);
        assertEquals(200, tokens.statusCode());
        JsonObject answer = Json.createReader(new StringReader(tokens.body())).readObject();
        SignedJWT id = SignedJWT.parse(answer.getString("id_token"));
        assertEquals("n1", id.getJWTClaimsSet().getStringClaim("nonce"));
        assertEquals("krr-admin-console", id.getJWTClaimsSet().getAudience().get(0));
        SignedJWT access = SignedJWT.parse(answer.getString("access_token"));
        assertEquals("operator-1", access.getJWTClaimsSet().getSubject());
        assertEquals("krr:admin", access.getJWTClaimsSet().getStringClaim("scope"));
        assertEquals(400, token(second, VERIFIER).statusCode(), "a code works once");
    }

    @Test
    void theCitizensAccessTokenNamesThePerson() throws Exception {
        HttpResponse<String> tokens = token(codeFor("citizen-1"), VERIFIER);
        JsonObject answer = Json.createReader(new StringReader(tokens.body())).readObject();
        assertEquals("23079421936", SignedJWT.parse(answer.getString("access_token")).getJWTClaimsSet().getStringClaim("pid"));
    }
}
