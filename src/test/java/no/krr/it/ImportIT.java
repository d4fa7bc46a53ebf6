package no.krr.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URL;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import no.krr.testdouble.DemoData;
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

/**
 * The import job through the admin API: good and bad lines, upsert and idempotence, stop and
 * restart. This deployment also runs with an audience configured and the legacy scopes off, to
 * prove those settings.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ImportIT {

    static final String AUDIENCE = "https://krr.test/api";

    static OutsideWorld world;
    static java.nio.file.Path dataDir;
    /** Small enough to test, large enough for the 30 000 persons of the stop-and-restart test. */
    static final long MAX_BYTES = 48L << 20;

    @Deployment
    static WebArchive deployment() throws Exception {
        world = OutsideWorld.start();
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("krr-it-keys-");
        java.nio.file.Path keystore = dir.resolve("signing.p12");
        new no.krr.signing.Keytool(dir).chained(keystore, "signing", "RSA", "2048");
        dataDir = java.nio.file.Files.createTempDirectory("krr-it-import-");
        // small chunks, so a stop lands part way through an import; PS256 from a keystore with a chain
        return ServiceDeployment.war(world, Map.of(
                "krr.data-dir", dataDir.toString(),
                "krr.import.max-bytes", Long.toString(MAX_BYTES),
                "mp.jwt.verify.audiences", AUDIENCE,
                "krr.auth.legacy-scopes", "false",
                "krr.import.chunk-size", "100",
                "krr.signing.algorithm", "PS256",
                "krr.signing.keystore", keystore.toString(),
                "krr.signing.keystore-password", no.krr.signing.Keytool.PASSWORD));
    }

    @Test
    void signedResponsesVerifyWithThePublishedPs256KeyAndCarryTheChain() throws Exception {
        admin.importAndWait("{\"personidentifikator\":\"23079421936\",\"reservasjon\":\"NEI\",\"status\":\"AKTIV\"}");
        Jose.assertSignedLikeJson(base, userToken("23079421936"), com.nimbusds.jose.JWSAlgorithm.PS256, true);
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
    void setUp() {
        base = ServiceDeployment.baseUri(deployed);
        admin = AdminClient.of(base, world);
    }

    String userToken(String pid) {
        return world.idporten().token(pid).audience(AUDIENCE).mint();
    }

    JsonPath person(String pid) {
        return given().baseUri(base).auth().oauth2(userToken(pid)).get("/rest/v1/person")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void goodLinesAreWrittenAndBadLinesSkippedWithLineNumberAndReason() {
        String ndjson = String.join("\n",
                "{\"personidentifikator\":\"23837998492\",\"reservasjon\":\"NEI\",\"status\":\"AKTIV\",\"spraak\":\"en\"}",
                "{\"personidentifikator\":\"23837998493\",\"reservasjon\":\"NEI\",\"status\":\"AKTIV\"}",
                "not json at all",
                "",
                "{\"personidentifikator\":\"18868299939\",\"reservasjon\":\"KANSKJE\",\"status\":\"AKTIV\"}",
                "{\"personidentifikator\":\"18868299939\",\"reservasjon\":\"NEI\",\"status\":\"AKTIV\",\"spraak_oppdatert\":\"i går\"}",
                "{\"personidentifikator\":\"18868299939\",\"reservasjon\":\"NEI\",\"status\":\"AKTIV\",\"kontaktinformasjon\":{\"mobiltelefonnummer\":\"12\"}}",
                "{\"personidentifikator\":\"18886799280\",\"status\":\"SLETTET\",\"kontaktinformasjon\":{\"epostadresse\":\"a@b.no\"}}",
                "{\"personidentifikator\":\"01814797763\",\"reservasjon\":\"NEI\",\"status\":\"AKTIV\",\"fornavn\":\"Ola\"}",
                "{\"personidentifikator\":\"18868299939\",\"reservasjon\":\"NEI\",\"status\":\"AKTIV\","
                        + "\"kontaktinformasjon\":{\"epostadresse\":\"kun@epost.no\",\"epostadresse_oppdatert\":\"2023-08-05T10:45:15.768Z\"}}");
        JsonPath report = admin.importAndWait(ndjson);
        assertEquals("COMPLETED", report.getString("status"));
        assertEquals("import-persons", report.getString("job"));
        assertEquals(9, report.getInt("counts.read"), "every line with content is read");
        assertEquals(2, report.getInt("counts.written"));
        assertEquals(7, report.getInt("counts.skipped"));
        assertEquals(100.0, report.getDouble("progress.percent"));
        List<Map<String, Object>> skipped = report.getList("skippedLines");
        Map<Integer, String> reasons = skipped.stream().collect(Collectors.toMap(
                s -> ((Number) s.get("line")).intValue(), s -> (String) s.get("reason")));
        assertEquals(List.of(2, 3, 5, 6, 7, 8, 9), reasons.keySet().stream().sorted().toList());
        assertTrue(reasons.get(2).contains("personidentifikator"), reasons.get(2));
        assertTrue(reasons.get(3).contains("malformed JSON"), reasons.get(3));
        assertTrue(reasons.get(5).contains("reservasjon"), reasons.get(5));
        assertTrue(reasons.get(6).contains("spraak_oppdatert"), reasons.get(6));
        assertTrue(reasons.get(7).contains("mobiltelefonnummer"), reasons.get(7));
        assertTrue(reasons.get(8).contains("SLETTET"), reasons.get(8));
        assertTrue(reasons.get(9).contains("fornavn"), reasons.get(9));
        assertFalse(report.prettify().contains("23837998493"), "a national id in clear in the report");

        assertEquals("en", person("23837998492").getString("spraak"));
        assertEquals("kun@epost.no", person("18868299939").getString("kontaktinformasjon.epostadresse"));
        // a skipped line was never half-written
        assertEquals("IKKE_REGISTRERT", person("01814797763").getString("status"));
        assertEquals("IKKE_REGISTRERT", person("18886799280").getString("status"));
    }

    List<Map<String, Object>> audit(String pid) {
        return given().baseUri(base).auth().oauth2(admin.adminToken()).get("/admin/v1/persons/" + pid + "/audit")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    @Test
    void theSameFileTwiceChangesNothingAndALaterFileUpdates() {
        String first = "{\"personidentifikator\":\"11822648950\",\"reservasjon\":\"NEI\",\"status\":\"AKTIV\",\"spraak\":\"nb\","
                + "\"spraak_oppdatert\":\"2023-06-29T10:14:52+02\",\"kontaktinformasjon\":{\"epostadresse\":\"a@b.no\","
                + "\"mobiltelefonnummer\":\"41234567\"}}";
        JsonPath once = admin.importAndWait(first);
        assertEquals(1, once.getInt("counts.changed"));
        List<Map<String, Object>> created = audit("11822648950");
        assertEquals(List.of("spraak_oppdatert", "spraak", "mobiltelefonnummer", "epostadresse", "reservasjon", "status"),
                created.stream().map(a -> a.get("field")).toList(), "one row per field the new person has: " + created);
        assertTrue(created.stream().allMatch(a -> "import-persons".equals(a.get("actor")) && !a.containsKey("old")
                && ((Number) a.get("jobExecutionId")).longValue() == once.getLong("id")), "rows of the import job: " + created);
        String etag = given().baseUri(base).auth().oauth2(userToken("11822648950")).get("/rest/v1/person").getHeader("ETag");

        JsonPath twice = admin.importAndWait(first);
        assertEquals("COMPLETED", twice.getString("status"));
        assertEquals(1, twice.getInt("counts.written"));
        assertEquals(0, twice.getInt("counts.changed"), "importing the same data again changes nothing");
        assertEquals(etag, given().baseUri(base).auth().oauth2(userToken("11822648950")).get("/rest/v1/person").getHeader("ETag"));
        assertEquals(created.size(), audit("11822648950").size(), "an import that changes nothing writes no audit row");

        JsonPath later = admin.importAndWait(first.replace("\"nb\"", "\"se\""));
        assertEquals(1, later.getInt("counts.changed"));
        assertEquals("se", person("11822648950").getString("spraak"));
        List<Map<String, Object>> trail = audit("11822648950");
        assertEquals(created.size() + 1, trail.size(), "one row for the one field that changed: " + trail);
        Map<String, Object> newest = trail.get(0);
        assertEquals(Map.of("field", "spraak", "old", "nb", "new", "se", "actor", "import-persons"),
                Map.of("field", newest.get("field"), "old", newest.get("old"), "new", newest.get("new"), "actor", newest.get("actor")));
        assertEquals(later.getLong("id"), ((Number) newest.get("jobExecutionId")).longValue());
    }

    @Test
    void aStoppedImportRestartsFromItsCheckpointAndEndsAsAnUninterruptedOne() {
        int count = 30_000;
        String ndjson = DemoData.lines(count, Clock.systemUTC()).collect(Collectors.joining("\n"));
        long lines = ndjson.lines().filter(l -> !l.isBlank()).count();
        Response started = admin.postImport(ndjson);
        started.then().statusCode(202).header("Location", startsWith("/admin/v1/jobs/"));
        String location = started.getHeader("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        // stop as soon as some chunks are committed
        long deadline = System.currentTimeMillis() + 60_000;
        while (AdminClient.done(admin.status(location)) == 0 && System.currentTimeMillis() < deadline) {
            AdminClient.sleep(20);
        }
        given().baseUri(base).auth().oauth2(admin.adminToken()).post("/admin/v1/jobs/" + id + "/stop")
                .then().statusCode(202);
        JsonPath stopped = admin.awaitEnd(location);
        assertEquals("STOPPED", stopped.getString("status"), "stopped part way: " + stopped.prettify());
        assertTrue(stopped.getLong("counts.read") < lines, "stopped before the end");

        Response restarted = given().baseUri(base).auth().oauth2(admin.adminToken()).post("/admin/v1/jobs/" + id + "/restart");
        restarted.then().statusCode(202);
        JsonPath done = admin.awaitEnd(restarted.getHeader("Location"));
        assertEquals("COMPLETED", done.getString("status"));
        assertEquals(lines, done.getLong("counts.read"), "every line read once over both executions");
        assertEquals(lines, done.getLong("counts.written"));
        assertEquals(0, done.getLong("counts.skipped"));
        assertEquals(lines, done.getLong("counts.changed"), "no line lost or double-counted across the restart");

        // a completed execution cannot be restarted
        given().baseUri(base).auth().oauth2(admin.adminToken()).post(restarted.getHeader("Location").replace("/admin/v1/jobs/", "/admin/v1/jobs/") + "/restart")
                .then().statusCode(409).contentType("application/problem+json");
        // the same file again: nothing changes
        assertEquals(0, admin.importAndWait(ndjson).getLong("counts.changed"));
    }

    @Test
    void badRequestsToTheImportAreRefusedClearly() {
        given().baseUri(base).auth().oauth2(admin.adminToken()).contentType("text/plain").body("x")
                .post("/admin/v1/imports").then().statusCode(415).contentType("application/problem+json");
        given().baseUri(base).auth().oauth2(admin.adminToken()).contentType("application/x-ndjson").body("\n\n".getBytes())
                .post("/admin/v1/imports").then().statusCode(400).contentType("application/problem+json");
        given().baseUri(base).contentType("application/x-ndjson").body("{}".getBytes())
                .post("/admin/v1/imports").then().statusCode(401);
        given().baseUri(base).auth().oauth2(userToken("23079421936")).contentType("application/x-ndjson").body("{}".getBytes())
                .post("/admin/v1/imports").then().statusCode(401);
        given().baseUri(base).auth().oauth2(world.agency().token().scope("openid").mint()).contentType("application/x-ndjson")
                .body("{}".getBytes()).post("/admin/v1/imports").then().statusCode(403);
        given().baseUri(base).auth().oauth2(admin.adminToken()).get("/admin/v1/jobs/987654")
                .then().statusCode(404).contentType("application/problem+json");
        given().baseUri(base).auth().oauth2(admin.adminToken()).post("/admin/v1/jobs/987654/stop")
                .then().statusCode(404);
    }

    @Test
    void aConfiguredAudienceIsEnforced() {
        given().baseUri(base).auth().oauth2(userToken("23079421936")).get("/rest/v1/person").then().statusCode(200);
        given().baseUri(base).auth().oauth2(world.idporten().token("23079421936").audience("https://someone.else").mint())
                .get("/rest/v1/person").then().statusCode(401).header("WWW-Authenticate", containsString("invalid_token"));
        given().baseUri(base).auth().oauth2(world.idporten().token("23079421936").mint())
                .get("/rest/v1/person").then().statusCode(401);
    }

    @Test
    void legacyScopesCanBeSwitchedOff() {
        given().baseUri(base).auth().oauth2(world.idporten().token("23079421936").audience(AUDIENCE)
                        .scope("user/kontaktinformasjon.read").mint())
                .get("/rest/v1/person").then().statusCode(403)
                .header("WWW-Authenticate", startsWith("Bearer error=\"insufficient_scope\""))
                .body("status", equalTo(403));
    }

    // --- bounded input (issue 13)

    java.util.Set<java.nio.file.Path> importFiles() throws java.io.IOException {
        java.nio.file.Path dir = dataDir.resolve("imports");
        if (!java.nio.file.Files.isDirectory(dir)) {
            return java.util.Set.of();
        }
        try (var files = java.nio.file.Files.list(dir)) {
            return files.collect(Collectors.toSet());
        }
    }

    void assertNoNewImportFile(java.util.Set<java.nio.file.Path> before) throws java.io.IOException {
        long deadline = System.currentTimeMillis() + 10_000;
        java.util.Set<java.nio.file.Path> now = importFiles();
        while (!before.containsAll(now) && System.currentTimeMillis() < deadline) {
            AdminClient.sleep(100);
            now = importFiles();
        }
        java.util.Set<java.nio.file.Path> added = new java.util.HashSet<>(now);
        added.removeAll(before);
        assertEquals(java.util.Set.of(), added, "a file left behind under krr.data-dir/imports");
    }

    @Test
    void anImportWhoseContentLengthIsOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
        java.util.Set<java.nio.file.Path> before = importFiles();
        java.net.URI uri = java.net.URI.create(base);
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            String request = "POST /admin/v1/imports HTTP/1.1\r\nHost: " + uri.getHost() + "\r\n"
                    + "Authorization: Bearer " + admin.adminToken() + "\r\n"
                    + "Content-Type: application/x-ndjson\r\nContent-Length: " + (MAX_BYTES + 1) + "\r\n"
                    + "Connection: close\r\n\r\n{}\n";
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            // the server answers without reading the body, and keeps the connection for it: read the answer only
            java.io.InputStream in = socket.getInputStream();
            java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
            while (!head.toString(java.nio.charset.StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b == -1) {
                    break;
                }
                head.write(b);
            }
            String headers = head.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
            java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(headers);
            String answer = headers + (length.find()
                    ? new String(in.readNBytes(Integer.parseInt(length.group(1))), java.nio.charset.StandardCharsets.UTF_8) : "");
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.contains("application/problem+json"), answer);
            assertTrue(answer.contains("krr.import.max-bytes"), answer);
        }
        assertNoNewImportFile(before);
    }

    @Test
    void anImportStreamedPastTheLimitWithoutLengthIs413AndLeavesNoFile() throws Exception {
        java.util.Set<java.nio.file.Path> before = importFiles();
        byte[] line = ("{\"personidentifikator\":\"23079421936\",\"reservasjon\":\"NEI\",\"status\":\"AKTIV\"}\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        long size = MAX_BYTES + 1;
        java.io.InputStream body = new java.io.InputStream() {
            long sent;

            @Override
            public int read() {
                return sent < size ? line[(int) (sent++ % line.length)] : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (sent >= size) {
                    return -1;
                }
                int n = (int) Math.min(len, size - sent);
                for (int i = 0; i < n; i++) {
                    b[off + i] = line[(int) (sent++ % line.length)];
                }
                return n;
            }
        };
        java.net.http.HttpResponse<String> answer;
        try (java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build()) {
            answer = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/admin/v1/imports"))
                    .header("Authorization", "Bearer " + admin.adminToken())
                    .header("Content-Type", "application/x-ndjson")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> body))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        }
        assertEquals(413, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals(413, JsonPath.from(answer.body()).getInt("status"));
        assertTrue(answer.body().contains("at most " + MAX_BYTES + " bytes"), answer.body());
        assertNoNewImportFile(before);
        // and the service goes on serving
        person("23079421936");
    }

    @Test
    void aLineOverSixtyFourKibIsSkippedWithItsLineNumberAndTheRestImported() throws Exception {
        java.util.Set<java.nio.file.Path> before = importFiles();
        String longLine = "{\"personidentifikator\":\"16889240028\",\"reservasjon\":\"NEI\",\"status\":\"AKTIV\",\"x\":\""
                + "a".repeat(70_000) + "\"}";
        String ndjson = String.join("\n",
                "{\"personidentifikator\":\"15889140078\",\"reservasjon\":\"NEI\",\"status\":\"AKTIV\"}",
                "",
                longLine,
                "{\"personidentifikator\":\"17889340088\",\"reservasjon\":\"NEI\",\"status\":\"AKTIV\"}");
        JsonPath report = admin.importAndWait(ndjson);
        assertEquals("COMPLETED", report.getString("status"));
        assertEquals(3, report.getInt("counts.read"));
        assertEquals(2, report.getInt("counts.written"));
        assertEquals(1, report.getInt("counts.skipped"));
        assertEquals(3, report.getInt("skippedLines[0].line"));
        assertEquals("line longer than 65536 bytes", report.getString("skippedLines[0].reason"));
        assertEquals("AKTIV", person("17889340088").getString("status"), "the line after the long one is imported");
        assertEquals("IKKE_REGISTRERT", person("16889240028").getString("status"));
        assertNoNewImportFile(before);
    }

    @Test
    void anOversizedReconciliationBodyIs413() {
        String body = "{\"mode\":\"VERIFY\",\"padding\":\"" + "x".repeat(20_000) + "\"}";
        given().baseUri(base).auth().oauth2(admin.adminToken()).contentType("application/json").body(body)
                .post("/admin/v1/reconciliations")
                .then().statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413)).body("detail", containsString("16384"));
    }
}
