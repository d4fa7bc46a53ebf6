package no.krr.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.krr.signing.Keytool;
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
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The language change over real HTTP: the whole PATCH matrix, the audit trail, 50 parallel
 * changes of one person, and ES256-signed responses with a certificate chain from a keystore that
 * also holds a previous key.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PatchIT {

    static final String ACTIVE = "23079421936";
    static final String OTHER = "11822648950";
    static final String BUSY = "18886799280";      // the one 50 parallel changes go to
    static final String DELETED = "17894199350";
    static final String UNKNOWN = "20914695016";

    static OutsideWorld world;
    static boolean imported;

    @Deployment
    static WebArchive deployment() throws Exception {
        world = OutsideWorld.start();
        Path dir = Files.createTempDirectory("krr-it-keys-");
        Path keystore = dir.resolve("signing.p12");
        new Keytool(dir).chained(keystore, "current", "EC", "secp256r1")
                .selfSigned(keystore, "previous", "EC", "secp256r1");
        return ServiceDeployment.war(world, Map.of(
                "krr.signing.algorithm", "ES256",
                "krr.signing.keystore", keystore.toString(),
                "krr.signing.keystore-password", Keytool.PASSWORD,
                "krr.signing.key-alias", "current"));
    }

    @ArquillianResource
    URL deployed;

    String base;
    AdminClient admin;

    @AfterAll
    static void stopWorld() {
        if (world != null) {
            world.close();
        }
    }

    @BeforeEach
    void importOnce() {
        base = ServiceDeployment.baseUri(deployed);
        admin = AdminClient.of(base, world);
        if (imported) {
            return;
        }
        String ndjson = String.join("\n",
                "{\"personidentifikator\":\"" + ACTIVE + "\",\"reservasjon\":\"NEI\",\"status\":\"AKTIV\",\"spraak\":\"nb\","
                        + "\"spraak_oppdatert\":\"2020-01-01T00:00:00Z\",\"kontaktinformasjon\":{\"epostadresse\":\"a@b.no\"}}",
                "{\"personidentifikator\":\"" + OTHER + "\",\"reservasjon\":\"NEI\",\"status\":\"AKTIV\"}",
                "{\"personidentifikator\":\"" + BUSY + "\",\"reservasjon\":\"NEI\",\"status\":\"AKTIV\",\"spraak\":\"nb\"}",
                "{\"personidentifikator\":\"" + DELETED + "\",\"status\":\"SLETTET\"}");
        assertEquals("COMPLETED", admin.importAndWait(ndjson).getString("status"));
        imported = true;
    }

    IdPorten.Token token(String pid) {
        return world.idporten().token(pid);
    }

    RequestSpecification as(String token) {
        return given().baseUri(base).auth().oauth2(token);
    }

    Response patch(String token, String contentType, String body) {
        return as(token).contentType(contentType).body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .patch("/rest/v1/person");
    }

    Response patch(String token, String body) {
        return patch(token, "application/json", body);
    }

    List<Map<String, Object>> audit(String pid) {
        return as(admin.adminToken()).get("/admin/v1/persons/" + pid + "/audit").then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nn", "en", "se", "nb"})
    void changesTheLanguageAndAnswersTheRecordAsGetWould(String code) {
        String token = token(OTHER).mint();
        Response patched = patch(token, "{\"spraak\":\"" + code + "\"}");
        patched.then().statusCode(200).contentType(startsWith("application/json")).header("Cache-Control", "no-store");
        Response read = as(token).get("/rest/v1/person");
        assertEquals(read.asString(), patched.asString());
        assertEquals(read.getHeader("ETag"), patched.getHeader("ETag"));
        assertEquals(code, read.jsonPath().getString("spraak"));
    }

    @Test
    void mergePatchIsAcceptedToo() {
        patch(token(OTHER).mint(), "application/merge-patch+json", "{\"spraak\":\"nn\"}").then().statusCode(200)
                .body("spraak", equalTo("nn"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"spraak\":\"de\"}", "{\"spraak\":\"NB\"}", "{\"spraak\":1}", "{\"spraak\":null}",
            "{\"spraak\":[\"nb\"]}", "{\"spraak\":\"nb\",\"status\":\"SLETTET\"}", "{\"status\":\"AKTIV\"}", "{}",
            "{\"spraak\":\"nb\",\"spraak\":\"en\"}", "[\"nb\"]", "\"nb\"", "{\"spraak\":\"nb\"", "{\"spraak\":\"nb\"} {}",
            "", "spraak=nb"})
    void anyOtherBodyIs400AndChangesNothing(String body) {
        String token = token(ACTIVE).mint();
        String before = as(token).get("/rest/v1/person").asString();
        Response response = patch(token, body);
        response.then().statusCode(400).contentType("application/problem+json").body("status", equalTo(400));
        assertEquals(before, as(token).get("/rest/v1/person").asString());
    }

    @Test
    void aBodyOver16KiBIs413() {
        String padded = "{\"spraak\":\"nn\"" + " ".repeat(17 * 1024) + "}";
        patch(token(ACTIVE).mint(), padded).then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void otherContentTypesAre415() {
        patch(token(ACTIVE).mint(), "text/plain", "{\"spraak\":\"nn\"}").then().statusCode(415)
                .contentType("application/problem+json");
        patch(token(ACTIVE).mint(), "application/xml", "<spraak>nn</spraak>").then().statusCode(415);
    }

    @Test
    void aStaleEtagIs412AndACurrentOneWins() {
        String token = token(ACTIVE).mint();
        String etag = as(token).get("/rest/v1/person").getHeader("ETag");
        String current = as(token).get("/rest/v1/person").jsonPath().getString("spraak");
        String next = current.equals("se") ? "nn" : "se";
        as(token).header("If-Match", etag).contentType("application/json").body("{\"spraak\":\"" + next + "\"}")
                .patch("/rest/v1/person").then().statusCode(200).body("spraak", equalTo(next));
        // the ETag read before the change is stale now
        as(token).header("If-Match", etag).contentType("application/json").body("{\"spraak\":\"en\"}")
                .patch("/rest/v1/person").then().statusCode(412).contentType("application/problem+json");
        assertEquals(next, as(token).get("/rest/v1/person").jsonPath().getString("spraak"));
    }

    @Test
    void noRecordIs404AndSlettetIs409() {
        patch(token(UNKNOWN).mint(), "{\"spraak\":\"en\"}").then().statusCode(404).contentType("application/problem+json");
        patch(token(DELETED).mint(), "{\"spraak\":\"en\"}").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void needsTheWriteScope() {
        patch(token(ACTIVE).scope(IdPorten.SCOPE_KONTAKTINFORMASJON_READ).mint(), "{\"spraak\":\"en\"}")
                .then().statusCode(403)
                .header("WWW-Authenticate", startsWith("Bearer error=\"insufficient_scope\""))
                .header("WWW-Authenticate", containsString("krr:user/spraak.write"));
        patch(token(ACTIVE).scope("user/spraak.write").mint(), "{\"spraak\":\"en\"}").then().statusCode(204);
        patch(token(ACTIVE).lowAcr().mint(), "{\"spraak\":\"en\"}").then().statusCode(403)
                .header("WWW-Authenticate", startsWith("Bearer error=\"insufficient_user_authentication\""));
    }

    @Test
    void withoutAReadScopeTheAnswerIs204() {
        patch(token(OTHER).scope(IdPorten.SCOPE_SPRAAK_WRITE).mint(), "{\"spraak\":\"se\"}").then().statusCode(204);
        assertEquals("se", as(token(OTHER).mint()).get("/rest/v1/person").jsonPath().getString("spraak"));
    }

    @Test
    void theSameValueAgainChangesNothing() {
        String token = token(ACTIVE).mint();
        patch(token, "{\"spraak\":\"nn\"}").then().statusCode(200);
        JsonPath once = as(token).get("/rest/v1/person").jsonPath();
        int rows = audit(ACTIVE).size();
        patch(token, "{\"spraak\":\"nn\"}").then().statusCode(200).body("spraak_oppdatert", equalTo(once.getString("spraak_oppdatert")));
        assertEquals(rows, audit(ACTIVE).size(), "no audit row for no change");
    }

    @Test
    void everyChangeIsAuditedWithWhoMadeIt() {
        String jti = "jti-" + System.nanoTime();
        String current = as(token(ACTIVE).mint()).get("/rest/v1/person").jsonPath().getString("spraak");
        String next = current.equals("en") ? "se" : "en";
        patch(token(ACTIVE).jti(jti).clientId("client-42").consumerOrgno("974760673").acr("idporten-loa-high").mint(),
                "{\"spraak\":\"" + next + "\"}").then().statusCode(200);
        Map<String, Object> newest = audit(ACTIVE).get(0);
        assertEquals("spraak", newest.get("field"));
        assertEquals(current, newest.get("old"));
        assertEquals(next, newest.get("new"));
        assertEquals("citizen", newest.get("actor"));
        assertEquals("client-42", newest.get("clientId"));
        assertEquals("974760673", newest.get("consumerOrgno"));
        assertEquals("idporten-loa-high", newest.get("acr"));
        assertEquals(jti, newest.get("jti"));
        String served = as(token(ACTIVE).mint()).get("/rest/v1/person").jsonPath().getString("spraak_oppdatert");
        assertEquals(served, newest.get("changedAt"), "spraak_oppdatert is the time of the change");
    }

    @Test
    void theAuditTrailNeedsAnAdminTokenWithTheAdminScopeAndAValidId() {
        as(token(ACTIVE).mint()).get("/admin/v1/persons/" + ACTIVE + "/audit").then().statusCode(401);
        as(world.agency().token().scope("openid").mint()).get("/admin/v1/persons/" + ACTIVE + "/audit").then().statusCode(403);
        as(admin.adminToken()).get("/admin/v1/persons/12345678901/audit").then().statusCode(400)
                .contentType("application/problem+json").body(org.hamcrest.Matchers.not(containsString("12345678901")));
    }

    @Test
    void fiftyParallelChangesOfOnePersonLoseNothing() throws Exception {
        List<String> codes = List.of("nn", "en", "se", "nb");
        int before = audit(BUSY).size();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String code = codes.get(i % codes.size());
            String token = token(BUSY).mint();
            answers.add(pool.submit(() -> patch(token, "{\"spraak\":\"" + code + "\"}").statusCode()));
        }
        for (Future<Integer> answer : answers) {
            assertEquals(200, answer.get());
        }
        pool.shutdown();

        List<Map<String, Object>> trail = audit(BUSY).subList(0, audit(BUSY).size() - before);
        assertFalse(trail.isEmpty());
        assertTrue(trail.size() <= 50);
        // newest first: each change starts from the value the one before it left
        for (int i = 0; i < trail.size() - 1; i++) {
            assertEquals(trail.get(i + 1).get("new"), trail.get(i).get("old"), "a change was lost or half-written");
            assertTrue(((String) trail.get(i).get("changedAt")).compareTo((String) trail.get(i + 1).get("changedAt")) >= 0);
            assertFalse(trail.get(i).get("old").equals(trail.get(i).get("new")), "an audit row for no change");
        }
        assertEquals("nb", trail.get(trail.size() - 1).get("old"), "the first change starts from the imported value");
        JsonPath stored = as(token(BUSY).mint()).get("/rest/v1/person").jsonPath();
        assertEquals(trail.get(0).get("new"), stored.getString("spraak"), "one value stored: the last change's");
        assertEquals(trail.get(0).get("changedAt"), stored.getString("spraak_oppdatert"), "the time of the last change");
    }

    @Test
    void signedResponsesVerifyWithThePublishedEs256KeyAndCarryTheChain() throws Exception {
        String token = token(ACTIVE).mint();
        JWSObject jws = Jose.assertSignedLikeJson(base, token, JWSAlgorithm.ES256, true);
        assertEquals("JOSE", jws.getHeader().getType().toString());
        // the previous key of the keystore is published too, for responses signed before a rotation
        String jwks = given().baseUri(base).get("/.well-known/jwks.json").asString();
        assertEquals(2, com.nimbusds.jose.jwk.JWKSet.parse(jwks).getKeys().size(), jwks);
        // a PATCH answers JWS too when asked
        Response patched = as(token).accept("application/jose").contentType("application/json")
                .body("{\"spraak\":\"se\"}".getBytes()).patch("/rest/v1/person");
        patched.then().statusCode(200).contentType("application/jose");
        JWSObject signed = Jose.verify(base, patched.asString(), JWSAlgorithm.ES256, true);
        assertEquals(as(token).get("/rest/v1/person").asString(), signed.getPayload().toString());
        assertNotNull(signed.getHeader().getKeyID());
    }
}
