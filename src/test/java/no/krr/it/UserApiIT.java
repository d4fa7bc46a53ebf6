package no.krr.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URL;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import no.krr.testdouble.IdPorten;
import no.krr.testdouble.OutsideWorld;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The user API over real HTTP with real tokens: the scope × status matrix, every kind of bad
 * token, the headers and problem details, and the platform endpoints (health, OpenAPI, Swagger UI).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UserApiIT {

    static final String FULL = "23079421936";      // AKTIV, both channels fresh, digital post, nn
    static final String STALE = "11887197158";     // AKTIV, stored KAN_VARSLES but both channels > 18 months old
    static final String SLETTET = "17894199350";
    static final String RESERVED = "04846697271";
    static final String UNKNOWN = "20914695016";   // never imported: IKKE_REGISTRERT

    static final Pattern FULL_OFFSET = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?[+-]\\d\\d:\\d\\d");

    static OutsideWorld world;
    static String base;
    static boolean imported;

    @Deployment
    static WebArchive deployment() {
        world = OutsideWorld.start();
        // the echo of the MicroProfile JWT API (test only): what @Inject JsonWebToken and @Claim give
        return ServiceDeployment.war(world, Map.of()).addClasses(JwtEchoApplication.class, JwtEchoApplication.Anonymous.class,
                JwtEchoResource.class, JwtEchoResource.LongLived.class);
    }

    @ArquillianResource
    URL deployed;

    @AfterAll
    static void stopWorld() {
        if (world != null) {
            world.close();
        }
    }

    @BeforeEach
    void importPersonsOnce() {
        base = ServiceDeployment.baseUri(deployed);
        if (imported) {
            return;
        }
        JsonPath report = AdminClient.of(base, world).importAndWait(String.join("\n", persons()));
        assertEquals("COMPLETED", report.getString("status"));
        assertEquals(4, report.getInt("counts.written"));
        imported = true;
    }

    static IdPorten idporten() {
        return world.idporten();
    }

    static List<String> persons() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(1));
        String fresh = now.minusMonths(2).withNano(0).toString();
        String old = now.minusMonths(30).withNano(0).toString();
        return List.of(
                "{\"personidentifikator\":\"" + FULL + "\",\"reservasjon\":\"NEI\",\"reservasjon_oppdatert\":\"2020-01-02T10:00:00Z\","
                        + "\"status\":\"AKTIV\",\"varslingsstatus\":\"KAN_VARSLES\",\"kontaktinformasjon\":{"
                        + "\"epostadresse\":\"ola@example.no\",\"epostadresse_oppdatert\":\"" + fresh + "\","
                        + "\"epostadresse_duplisert\":\"NEI\",\"mobiltelefonnummer\":\"+4799999999\","
                        + "\"mobiltelefonnummer_oppdatert\":\"" + fresh + "\",\"mobiltelefonnummer_sist_verifisert\":\"" + fresh + "\"},"
                        + "\"digital_post\":{\"postkasseadresse\":\"ola.nordmann#9YDT\",\"postkasseleverandoeradresse\":\"984661185\"},"
                        + "\"sertifikat\":\"MIIBszCCAVmgAwIBAgI=\",\"spraak\":\"nn\",\"spraak_oppdatert\":\"2023-06-29T10:14:52+02\"}",
                "{\"personidentifikator\":\"" + STALE + "\",\"reservasjon\":\"NEI\",\"status\":\"AKTIV\","
                        + "\"varslingsstatus\":\"KAN_VARSLES\",\"kontaktinformasjon\":{\"epostadresse\":\"kari@example.no\","
                        + "\"epostadresse_oppdatert\":\"" + old + "\",\"mobiltelefonnummer\":\"98765432\","
                        + "\"mobiltelefonnummer_sist_verifisert\":\"" + old + "\"},\"spraak\":\"nb\"}",
                "{\"personidentifikator\":\"" + SLETTET + "\",\"status\":\"SLETTET\",\"varslingsstatus\":\"KAN_IKKE_VARSLES\"}",
                "{\"personidentifikator\":\"" + RESERVED + "\",\"reservasjon\":\"JA\",\"reservasjonstidspunkt\":\"2019-03-01T12:00:00.000+01:00\","
                        + "\"status\":\"AKTIV\",\"varslingsstatus\":\"KAN_IKKE_VARSLES\",\"kontaktinformasjon\":{"
                        + "\"epostadresse\":\"res@example.no\",\"epostadresse_oppdatert\":\"" + fresh + "\"}}");
    }

    Response get(String token) {
        return given().baseUri(base).auth().oauth2(token).accept("application/json").get("/rest/v1/person");
    }

    // --- the scope × status matrix ---------------------------------------------------------------

    static Stream<Arguments> matrix() {
        List<List<String>> scopeSets = List.of(
                List.of(IdPorten.SCOPE_KONTAKTINFORMASJON_READ),
                List.of(IdPorten.SCOPE_DIGITALPOST_READ),
                List.of(IdPorten.SCOPE_KONTAKTINFORMASJON_READ, IdPorten.SCOPE_DIGITALPOST_READ),
                List.of("user/kontaktinformasjon.read"),
                List.of("user/varslingsstatus.read"),
                List.of("user/spraak.read"),
                List.of("user/sikkerdigitalpost.read"),
                List.of("user/sertifikat.read"));
        return Stream.of(FULL, STALE, SLETTET, RESERVED, UNKNOWN)
                .flatMap(pid -> scopeSets.stream().map(scopes -> Arguments.of(pid, scopes)));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("matrix")
    void servesExactlyTheFieldsTheScopesUnlock(String pid, List<String> scopes) {
        Response response = get(idporten().token(pid).scopes(scopes).mint());
        response.then().statusCode(200).contentType(startsWith("application/json"));
        JsonPath json = response.jsonPath();
        assertEquals(expectedMembers(pid, scopes), new TreeSet<>(json.getMap("").keySet()), response.asString());
        assertEquals(pid, json.getString("personidentifikator"));
        assertEquals(expectedStatus(pid), json.getString("status"));
        if (json.getMap("").containsKey("varslingsstatus")) {
            assertEquals(FULL.equals(pid) ? "KAN_VARSLES" : "KAN_IKKE_VARSLES", json.getString("varslingsstatus"),
                    "the 18-month rule, reservation and status decide varslingsstatus");
        }
        assertFalse(response.asString().contains("null"), "members with no value are omitted");
    }

    static String expectedStatus(String pid) {
        return switch (pid) {
            case SLETTET -> "SLETTET";
            case UNKNOWN -> "IKKE_REGISTRERT";
            default -> "AKTIV";
        };
    }

    static Set<String> expectedMembers(String pid, List<String> scopes) {
        boolean kontakt = scopes.contains(IdPorten.SCOPE_KONTAKTINFORMASJON_READ) || scopes.contains("user/kontaktinformasjon.read");
        boolean varsling = scopes.contains(IdPorten.SCOPE_KONTAKTINFORMASJON_READ) || scopes.contains("user/varslingsstatus.read");
        boolean spraak = scopes.contains(IdPorten.SCOPE_KONTAKTINFORMASJON_READ) || scopes.contains("user/spraak.read");
        boolean digitalPost = scopes.contains(IdPorten.SCOPE_DIGITALPOST_READ) || scopes.contains("user/sikkerdigitalpost.read");
        boolean sertifikat = scopes.contains(IdPorten.SCOPE_DIGITALPOST_READ) || scopes.contains("user/sertifikat.read");
        Set<String> members = new TreeSet<>(List.of("personidentifikator", "status"));
        if (varsling) {
            members.add("varslingsstatus");
        }
        switch (pid) {
            case FULL -> {
                members.addAll(List.of("reservasjon", "reservasjon_oppdatert"));
                if (kontakt) members.add("kontaktinformasjon");
                if (spraak) members.addAll(List.of("spraak", "spraak_oppdatert"));
                if (digitalPost) members.add("digital_post");
                if (sertifikat) members.add("sertifikat");
            }
            case STALE -> {
                members.add("reservasjon");
                if (kontakt) members.add("kontaktinformasjon");
                if (spraak) members.add("spraak");
            }
            case RESERVED -> {
                members.addAll(List.of("reservasjon", "reservasjonstidspunkt"));
                if (kontakt) members.add("kontaktinformasjon");
            }
            default -> {
                // SLETTET and IKKE_REGISTRERT carry nothing else
            }
        }
        return members;
    }

    @Test
    void fullRecordHasTheRegistersShapeWithFullOffsets() {
        JsonPath json = get(idporten().token(FULL).mint()).then().statusCode(200).extract().jsonPath();
        assertEquals("NEI", json.getString("reservasjon"));
        assertEquals("ola@example.no", json.getString("kontaktinformasjon.epostadresse"));
        assertEquals("NEI", json.getString("kontaktinformasjon.epostadresse_duplisert"));
        assertEquals("+4799999999", json.getString("kontaktinformasjon.mobiltelefonnummer"));
        assertEquals("ola.nordmann#9YDT", json.getString("digital_post.postkasseadresse"));
        assertEquals("984661185", json.getString("digital_post.postkasseleverandoeradresse"));
        assertEquals("nn", json.getString("spraak"));
        // imported with an hour-only offset, served with a full one in Oslo time
        assertEquals("2023-06-29T10:14:52+02:00", json.getString("spraak_oppdatert"));
        assertEquals("2020-01-02T11:00:00+01:00", json.getString("reservasjon_oppdatert"));
        assertTrue(FULL_OFFSET.matcher(json.getString("kontaktinformasjon.epostadresse_oppdatert")).matches());
    }

    @Test
    void headersForbidCachingAndNameTheRepresentation() {
        Response response = get(idporten().token(FULL).mint());
        response.then().statusCode(200)
                .header("Cache-Control", "no-store")
                .header("Vary", containsString("Accept"))
                .header("Vary", containsString("Authorization"));
        String etag = response.getHeader("ETag");
        assertTrue(etag != null && etag.startsWith("\"") && !etag.startsWith("W/"), "strong ETag: " + etag);
        // a different view of the record is a different representation
        String narrower = get(idporten().token(FULL).scope(IdPorten.SCOPE_DIGITALPOST_READ).mint()).getHeader("ETag");
        assertFalse(etag.equals(narrower));
        given().baseUri(base).auth().oauth2(idporten().token(FULL).mint()).header("If-None-Match", etag)
                .get("/rest/v1/person").then().statusCode(304);
    }

    @Test
    void signedResponsesVerifyWithTheEphemeralRs256Key() throws Exception {
        // no keystore in this deployment: an ephemeral RS256 key, no certificate chain
        long before = java.time.Instant.now().getEpochSecond();
        com.nimbusds.jose.JWSObject jws = Jose.assertSignedLikeJson(base, idporten().token(FULL).mint(),
                com.nimbusds.jose.JWSAlgorithm.RS256, false);
        long after = java.time.Instant.now().getEpochSecond();
        Jose.assertSignedLikeJson(base, idporten().token(UNKNOWN).mint(), com.nimbusds.jose.JWSAlgorithm.RS256, false);
        // the signing time, in seconds, in the protected header (same machine, so the same clock)
        Object iat = jws.getHeader().getCustomParam("iat");
        assertTrue(iat instanceof Long, "iat is a number of seconds: " + jws.getHeader());
        assertTrue((Long) iat >= before && (Long) iat <= after, "iat " + iat + " is the signing time, between " + before + " and " + after);
        assertTrue(jws.getHeader().getIncludedParams().contains("iat"), "iat is a header parameter, not a claim");
    }

    @Test
    void acceptsBothTokenTypes() {
        get(idporten().token(FULL).typ("at+jwt").mint()).then().statusCode(200);
        get(idporten().token(FULL).typJwt().mint()).then().statusCode(200);
    }

    @Test
    void answersJsonForWildcardOrNoAcceptAnd406ForOthers() {
        String token = idporten().token(FULL).mint();
        given().baseUri(base).auth().oauth2(token).accept("*/*").get("/rest/v1/person").then().statusCode(200)
                .contentType(startsWith("application/json"));
        given().baseUri(base).auth().oauth2(token).header("Accept", "").get("/rest/v1/person").then().statusCode(200);
        given().baseUri(base).auth().oauth2(token).accept("application/jose").get("/rest/v1/person").then().statusCode(200)
                .contentType("application/jose");
        given().baseUri(base).auth().oauth2(token).accept("text/xml").get("/rest/v1/person").then().statusCode(406)
                .contentType("application/problem+json").body("status", equalTo(406));
    }

    // --- bad tokens ------------------------------------------------------------------------------

    static Stream<Arguments> invalidTokens() {
        List<Map.Entry<String, UnaryOperator<IdPorten.Token>>> notACitizen = List.of(
                Map.entry("no pid", IdPorten.Token::noPid),
                Map.entry("pid with a wrong check digit", IdPorten.Token::pidWithWrongCheckDigit));
        return Stream.concat(IdPorten.invalidTokenKinds().stream(), notACitizen.stream())
                .map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidTokens")
    void rejectsInvalidTokensWith401(String kind, UnaryOperator<IdPorten.Token> defect) {
        String token = defect.apply(idporten().token(FULL)).mint();
        Response response = get(token);
        response.then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer error=\"invalid_token\""))
                .header("Cache-Control", "no-store")
                .contentType("application/problem+json")
                .body("status", equalTo(401))
                .body("type", not(equalTo(null)))
                .body("title", not(equalTo(null)));
        assertPrivate(response, token);
    }

    @Test
    void noTokenIs401WithABareChallenge() {
        given().baseUri(base).get("/rest/v1/person").then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer"))
                .contentType("application/problem+json");
    }

    @Test
    void lowAcrIs403InsufficientUserAuthentication() {
        String token = idporten().token(FULL).lowAcr().mint();
        Response response = get(token);
        response.then().statusCode(403)
                .header("WWW-Authenticate", startsWith("Bearer error=\"insufficient_user_authentication\""))
                .contentType("application/problem+json");
        assertPrivate(response, token);
    }

    @Test
    void missingReadScopeIs403InsufficientScopeNamingTheScopes() {
        String token = idporten().token(FULL).scope(IdPorten.SCOPE_SPRAAK_WRITE).mint();
        Response response = get(token);
        response.then().statusCode(403)
                .header("WWW-Authenticate", startsWith("Bearer error=\"insufficient_scope\""))
                .header("WWW-Authenticate", containsString(IdPorten.SCOPE_KONTAKTINFORMASJON_READ))
                .header("WWW-Authenticate", containsString(IdPorten.SCOPE_DIGITALPOST_READ))
                .contentType("application/problem+json")
                .body("status", equalTo(403));
        assertPrivate(response, token);
    }

    @Test
    void aCitizenTokenIsNoAdminToken() {
        given().baseUri(base).auth().oauth2(idporten().token(FULL).mint()).get("/admin/v1/jobs/1")
                .then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer error=\"invalid_token\""));
    }

    @Test
    void serverLogHoldsNoTokenAndNoNationalIdInClear() throws Exception {
        get(idporten().token(FULL).expired().mint()).then().statusCode(401);
        get(idporten().token(RESERVED).lowAcr().mint()).then().statusCode(403);
        String text = ServerLog.text();
        assertFalse(text.isEmpty(), "no server log found at " + System.getProperty("krr.it.logfile"));
        assertTrue(text.contains("Rejected access token"), "a rejected token is logged, in one line");
        for (String pid : List.of(FULL, STALE, SLETTET, RESERVED, UNKNOWN)) {
            assertFalse(text.contains(pid), "national id in clear in the server log");
        }
        assertFalse(Pattern.compile("eyJ[A-Za-z0-9_-]{10,}\\.eyJ").matcher(text).find(), "a token in the server log");
        assertFalse(text.contains("at com.nimbusds"), "a stack trace for a rejected token");
    }

    static void assertPrivate(Response response, String token) {
        String body = response.asString();
        assertFalse(body.contains(token), "the token is echoed");
        assertFalse(Pattern.compile("\\d{11}").matcher(body).find(), "a national id in an error body: " + body);
    }

    // --- the MicroProfile JWT API (JwtEchoResource) -----------------------------------------------

    JsonPath echo(String path, String token) {
        return given().baseUri(base).auth().oauth2(token).get(path).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theVerifiedTokenIsInjectableAsJsonWebTokenAndItsClaimsWithClaim() {
        String token = idporten().token(FULL).scope(IdPorten.SCOPE_KONTAKTINFORMASJON_READ, "openid")
                .subject("pairwise-1").jti("echo-jti-1").claim("verified_extra", true).claim("tags", List.of("a", "b")).mint();
        JsonPath echo = echo("/jwt-echo", token);
        assertEquals("pairwise-1", echo.getString("name"), "getName is sub without upn and preferred_username");
        assertEquals("pairwise-1", echo.getString("subject"));
        assertEquals(token.length(), echo.getInt("rawTokenLength"));
        assertEquals(Set.of(IdPorten.SCOPE_KONTAKTINFORMASJON_READ, "openid"), Set.copyOf(echo.getList("tokenGroups")),
                "the groups are the scopes");
        assertEquals(Set.copyOf(echo.getList("tokenGroups")), Set.copyOf(echo.getList("groups")));
        // ours, the only JsonWebToken bean: Payara's MP-JWT extension adds its own only for @LoginConfig(authMethod = "MP-JWT"),
        // and two would have failed the deployment as ambiguous
        assertTrue(echo.getString("tokenText").startsWith("VerifiedToken["), echo.getString("tokenText"));
        assertTrue(echo.getBoolean("tokenPidIsJsonString"), "pid is no standard claim: a JSON-P value");
        assertTrue(echo.getBoolean("tokenExpIsLong"), "exp is a Long of seconds");
        assertEquals(FULL, echo.getString("pid"));
        assertEquals(FULL, echo.getString("pidJson"));
        assertTrue(echo.getLong("exp") > System.currentTimeMillis() / 1000, "exp in seconds");
        assertTrue(echo.getBoolean("expMatches"));
        assertEquals(echo.getLong("exp"), echo.getLong("expJson"));
        assertTrue(echo.getLong("iat") > 0);
        assertEquals("pairwise-1", echo.getString("sub"));
        assertEquals(IdPorten.ACR_SUBSTANTIAL, echo.getString("acr"));
        assertEquals("(none)", echo.getString("nbf"));
        assertEquals("true", echo.getString("verifiedExtra"));
        assertEquals(List.of("a", "b"), echo.getList("tags"));
        assertEquals("0192:" + IdPorten.DEFAULT_CONSUMER_ORGNO, echo.getString("consumer.ID"));
        assertEquals(IdPorten.DEFAULT_CLIENT_ID, echo.getString("clientId"));
        assertEquals("echo-jti-1", echo.getString("jti"));
        assertEquals("jti", echo.getString("jtiClaimName"));
        assertTrue(echo.getBoolean("principalIsToken"), "the security context's principal is the JsonWebToken");
        assertEquals("pairwise-1", echo.getString("principalName"));
        assertTrue(echo.getBoolean("inScopeRole"));
        assertFalse(echo.getBoolean("inAdminRole"));
    }

    @Test
    void aClaimValueInALongLivedBeanReadsEachRequestsToken() {
        assertEquals("first", echo("/jwt-echo", idporten().token(FULL).jti("first").mint()).getString("jti"));
        assertEquals("second", echo("/jwt-echo", idporten().token(FULL).jti("second").mint()).getString("jti"));
    }

    @Test
    void theGroupsAreWhatRolesAllowedChecks() {
        given().baseUri(base).auth().oauth2(idporten().token(FULL).scope(IdPorten.SCOPE_DIGITALPOST_READ).mint())
                .get("/jwt-echo").then().statusCode(403);
    }

    @Test
    void withoutATokenTheInjectedTokenIsEmpty() {
        JsonPath echo = given().baseUri(base).get("/jwt-anonymous/open").then().statusCode(200).extract().jsonPath();
        assertEquals("null", echo.getString("name"));
        assertEquals(0, echo.getInt("rawTokenLength"));
        assertEquals(List.of(), echo.getList("tokenGroups"));
        assertEquals("null", echo.getString("pid"));
        assertEquals(0L, echo.getLong("exp"));
        assertEquals("(none)", echo.getString("sub"));
        assertEquals("null", echo.getString("verifiedExtra"));
        assertFalse(echo.getBoolean("principalIsToken"));
    }

    // --- platform endpoints ----------------------------------------------------------------------

    @Test
    void healthIsUpAndReadyAfterMigrations() {
        given().baseUri(base).get("/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().baseUri(base).get("/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks[0].data.migrations", equalTo("applied"));
    }

    @Test
    void theJwksIsPublicEvenWithABadTokenAttached() {
        given().baseUri(base).get("/.well-known/jwks.json").then().statusCode(200).body("keys.size()", greaterThan(0));
        given().baseUri(base).auth().oauth2("not-a-token").get("/.well-known/jwks.json").then().statusCode(200);
    }

    @Test
    void openApiDescribesTheApisAndSwaggerUiIsPackaged() {
        String openapi = given().baseUri(base).get("/openapi").then().statusCode(200).extract().asString();
        for (String expected : List.of("/rest/v1/person", "/admin/v1/imports", "/admin/v1/jobs/{id}",
                "/admin/v1/jobs/{id}/stop", "/admin/v1/jobs/{id}/restart", "insufficient_scope",
                "krr:user/kontaktinformasjon.read", "\"401\"", "\"403\"", "\"406\"", "application/problem+json",
                "application/jose", "application/merge-patch+json", "\"412\"", "\"413\"", "\"415\"", "\"409\"",
                "/admin/v1/reconciliations", "/admin/v1/reconciliations/{id}/discrepancies", "/admin/v1/persons/{pid}/audit",
                "/.well-known/jwks.json", "text/csv", "krr.admin.issuer", "krr.admin.audience")) {
            assertTrue(openapi.contains(expected), "OpenAPI lacks " + expected);
        }
        String page = given().baseUri(base).get("/swagger-ui/index.html").then().statusCode(200).extract().asString();
        assertTrue(page.contains("/webjars/swagger-ui/"), "Swagger UI comes from the packaged webjar");
        given().baseUri(base).get("/webjars/swagger-ui/5.34.1/swagger-ui-bundle.js").then().statusCode(200);
    }
}
