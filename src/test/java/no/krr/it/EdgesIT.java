package no.krr.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The API tried as an attacker would: errors the JAX-RS runtime and the container raise
 * themselves, malformed requests over a raw socket, the security headers of every kind of
 * response, and national ids in the server log when the database fails under a request.
 *
 * <p>The database is an H2 file opened with {@code AUTO_SERVER}, so that this test can reach into
 * it while Payara holds it and make it fail (on every run, also the PostgreSQL one).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EdgesIT {

    static final String PID = "23079421936";
    static final String OTHER = "18886799280";

    static OutsideWorld world;
    static String jdbcUrl;
    static boolean imported;

    @Deployment
    static WebArchive deployment() throws IOException {
        world = OutsideWorld.start();
        Path dir = Files.createTempDirectory("krr-it-edges-");
        jdbcUrl = "jdbc:h2:file:" + dir.resolve("krr") + ";AUTO_SERVER=TRUE";
        return ServiceDeployment.war(world, Map.of("krr.datasource.url", jdbcUrl,
                "krr.datasource.user", "krr", "krr.datasource.password", "krr"));
    }

    @ArquillianResource
    URL deployed;

    String base;

    @AfterAll
    static void stopWorld() {
        if (world != null) {
            world.close();
        }
    }

    @BeforeEach
    void importOnce() {
        base = ServiceDeployment.baseUri(deployed);
        if (imported) {
            return;
        }
        JsonPath report = AdminClient.of(base, world).importAndWait(String.join("\n",
                "{\"personidentifikator\":\"" + PID + "\",\"reservasjon\":\"NEI\",\"status\":\"AKTIV\",\"spraak\":\"nb\"}",
                "{\"personidentifikator\":\"" + OTHER + "\",\"reservasjon\":\"NEI\",\"status\":\"AKTIV\",\"spraak\":\"nb\"}"));
        assertEquals("COMPLETED", report.getString("status"));
        imported = true;
    }

    String citizen(String pid) {
        return world.idporten().token(pid).mint();
    }

    String admin() {
        return world.agency().token().mint();
    }

    static void assertProblem(Response response, int status) {
        response.then().statusCode(status).contentType(startsWith("application/problem+json"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", startsWith("default-src 'none'"))
                .body("status", equalTo(status))
                .body("type", not(equalTo(null)))
                .body("title", not(equalTo(null)))
                .body("detail", not(equalTo(null)));
        assertFalse(response.asString().contains("<html"), "an HTML page: " + response.asString());
    }

    // --- problem details for what JAX-RS and the servlet container raise ------------------------

    @Test
    void notAcceptableAndUnsupportedMediaTypeHaveADetail() {
        Response notAcceptable = given().baseUri(base).auth().oauth2(citizen(PID)).accept("text/xml").get("/rest/v1/person");
        assertProblem(notAcceptable, 406);
        assertTrue(notAcceptable.jsonPath().getString("detail").contains("Accept"));

        Response unsupported = given().baseUri(base).auth().oauth2(citizen(PID)).contentType("text/plain")
                .body("{\"spraak\":\"nn\"}").patch("/rest/v1/person");
        assertProblem(unsupported, 415);
        assertTrue(unsupported.jsonPath().getString("detail").contains("Content-Type"));
    }

    @Test
    void aMethodThePathDoesNotTakeIs405() {
        assertProblem(given().baseUri(base).auth().oauth2(citizen(PID)).delete("/rest/v1/person"), 405);
        assertProblem(given().baseUri(base).post("/openapi"), 405);
    }

    @Test
    void anUnknownPathIs404() {
        assertProblem(given().baseUri(base).get("/nothing/here"), 404);
        assertProblem(given().baseUri(base).get("/WEB-INF/web.xml"), 404);
    }

    @Test
    void headerFieldsJaxRsCannotParseAre400NotPayarasPage() {
        // Jersey gives up on these before any resource runs, and the container writes the error
        assertProblem(given().baseUri(base).header("Accept", ";;;/").get("/rest/v1/person"), 400);
        assertProblem(given().baseUri(base).auth().oauth2(citizen(PID)).header("Content-Type", ";;;")
                .body("x".getBytes(StandardCharsets.UTF_8)).patch("/rest/v1/person"), 400);
    }

    @Test
    void aRangeOutsideAStaticFileIs416NotPayarasPage() {
        assertProblem(given().baseUri(base).header("Range", "bytes=999999-").get("/swagger-ui/index.html"), 416);
    }

    @Test
    void aBodyTooLargeIs413() {
        String big = "{\"spraak\":\"nn\",\"x\":\"" + "a".repeat(20_000) + "\"}";
        assertProblem(given().baseUri(base).auth().oauth2(citizen(OTHER)).contentType("application/json")
                .body(big).patch("/rest/v1/person"), 413);
    }

    @Test
    void aFormBodyOverTheContainersLimitIs413NotA500() {
        // Grizzly throws from getParameter above max-post-size-bytes (2 MB); Payara's health servlet reads parameters on POST
        String form = "a=" + "b".repeat(3 * 1024 * 1024);
        assertProblem(given().baseUri(base).contentType("application/x-www-form-urlencoded").body(form).post("/health/live"), 413);
    }

    // --- what Grizzly answers before the application can (docs/design.md) ------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"unknown HTTP version", "header too large", "URI too long", "no Host", "Content-Length not a number",
            "broken chunk", "NUL in the path", "TRACE"})
    void aMalformedRequestGetsTheContainersEmptyAnswerNeverAnHtmlPage(String kind) throws IOException {
        // Grizzly answers these before the web container, so no error page and no filter can run
        record Malformed(String request, int status) {
        }
        Malformed malformed = switch (kind) {
            case "unknown HTTP version" -> new Malformed("GET /rest/v1/person HTTP/9.9\r\nHost: x\r\n\r\n", 505);
            case "header too large" -> new Malformed("GET /rest/v1/person HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n", 400);
            case "URI too long" -> new Malformed("GET /rest/v1/person?" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n", 400);
            case "no Host" -> new Malformed("GET /rest/v1/person HTTP/1.1\r\n\r\n", 400);
            case "Content-Length not a number" -> new Malformed("POST /rest/v1/person HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n", 400);
            case "broken chunk" -> new Malformed("PATCH /rest/v1/person HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                    + "Content-Type: application/json\r\n\r\nzz\r\nabc\r\n0\r\n\r\n", 400);
            case "NUL in the path" -> new Malformed("GET /rest/%00 HTTP/1.1\r\nHost: x\r\n\r\n", 400);
            case "TRACE" -> new Malformed("TRACE /rest/v1/person HTTP/1.1\r\nHost: x\r\n\r\n", 405);
            default -> throw new IllegalArgumentException(kind);
        };
        String answer = raw(malformed.request());
        assertTrue(answer.startsWith("HTTP/1.1 " + malformed.status() + " "), answer);
        assertFalse(answer.toLowerCase().contains("<html"), "Payara's HTML page: " + answer);
        assertTrue(answer.toLowerCase().contains("content-length: 0\r\n"), "the container's answer has no body: " + answer);
    }

    @Test
    void aMethodUnknownToHttpReachesTheApplicationAndIsProblemDetails() throws IOException {
        String answer = raw("FOO /rest/v1/person HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 405"), answer);
        assertTrue(answer.contains("application/problem+json"), answer);
        assertTrue(answer.contains("\"detail\":"), answer);
        assertTrue(answer.contains("X-Content-Type-Options: nosniff"), answer);
    }

    /** Sends bytes as they are (no client library would send them) and reads until the server closes. */
    String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", deployed.getPort())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    answer.write(buffer, 0, n);
                    if (answer.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
                        break; // the container's answers here have no body
                    }
                }
            } catch (SocketTimeoutException | java.net.SocketException e) {
                // the server kept the connection open or reset it: what arrived is the answer
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }

    // --- security headers ------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"/health/live", "/health/ready", "/openapi", "/metrics", "/.well-known/jwks.json", "/nothing"})
    void everyResponseIsNosniffAndAllowsNothing(String path) {
        given().baseUri(base).get(path).then()
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", equalTo("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"));
    }

    @Test
    void theApisAnswersCarryTheHeadersToo() {
        for (Response response : List.of(
                given().baseUri(base).auth().oauth2(citizen(PID)).get("/rest/v1/person"),
                given().baseUri(base).auth().oauth2(citizen(PID)).accept("application/jose").get("/rest/v1/person"),
                given().baseUri(base).get("/rest/v1/person"),
                given().baseUri(base).auth().oauth2(admin()).get("/admin/v1/persons/" + PID + "/audit"),
                given().baseUri(base).auth().oauth2("not-a-token").get("/admin/v1/jobs/1"))) {
            response.then().header("X-Content-Type-Options", "nosniff")
                    .header("Content-Security-Policy", startsWith("default-src 'none'"));
        }
    }

    @Test
    void theSwaggerUiLoadsItsScriptsFromFilesUnderAPolicyWithoutInlineScript() {
        Response page = given().baseUri(base).get("/swagger-ui/index.html");
        page.then().statusCode(200).header("X-Content-Type-Options", "nosniff");
        String policy = page.getHeader("Content-Security-Policy");
        assertTrue(policy.contains("script-src 'self'"), policy);
        assertTrue(policy.contains("connect-src 'self'"), policy);
        assertFalse(policy.contains("unsafe"), policy);
        String html = page.asString();
        Matcher scripts = Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(html);
        int count = 0;
        while (scripts.find()) {
            count++;
            assertTrue(scripts.group(1).contains("src=\"/"), "a script from this origin: " + scripts.group());
            assertTrue(scripts.group(2).isBlank(), "no inline script: " + scripts.group());
        }
        assertEquals(2, count, html);
        assertFalse(Pattern.compile("\\son[a-z]+=", Pattern.CASE_INSENSITIVE).matcher(html).find(), "no inline event handler");
        given().baseUri(base).get("/swagger-ui/init.js").then().statusCode(200)
                .header("Content-Security-Policy", equalTo(policy)).header("X-Content-Type-Options", "nosniff");
        given().baseUri(base).get("/webjars/swagger-ui/5.34.1/swagger-ui-bundle.js").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff");
        given().baseUri(base).redirects().follow(false).get("/swagger-ui").then().statusCode(301)
                .header("Location", "/swagger-ui/").header("Content-Security-Policy", equalTo(policy));
    }

    // --- national ids in the log -----------------------------------------------------------------

    @Test
    void aDatabaseFailureUnderAPathWithANationalIdLogsItMasked() throws Exception {
        String marker = "edges-" + System.nanoTime();
        try (Connection db = DriverManager.getConnection(jdbcUrl, "krr", "krr"); Statement sql = db.createStatement()) {
            // one audit row per person, field and actor at most (the import wrote one of each): the citizen's
            // second change of spraak violates it, and H2 quotes the key
            sql.execute("create unique index \"" + marker + "\" on person_audit (personidentifikator, field, actor)");
            try {
                given().baseUri(base).auth().oauth2(citizen(PID)).contentType("application/json")
                        .body("{\"spraak\":\"nn\"}").patch("/rest/v1/person").then().statusCode(200);
                assertProblem(given().baseUri(base).auth().oauth2(citizen(PID)).contentType("application/json")
                        .body("{\"spraak\":\"en\"}").patch("/rest/v1/person"), 500);
            } finally {
                sql.execute("drop index \"" + marker + "\"");
            }
            sql.execute("alter table person_audit rename to person_audit_away");
            try {
                assertProblem(given().baseUri(base).auth().oauth2(admin()).get("/admin/v1/persons/" + PID + "/audit"), 500);
            } finally {
                sql.execute("alter table person_audit_away rename to person_audit");
            }
        }
        given().baseUri(base).auth().oauth2(admin()).get("/admin/v1/persons/" + PID + "/audit").then().statusCode(200);

        String log = awaitLog(marker);
        assertFalse(log.contains(PID), "a national id in clear in the server log");
        assertTrue(log.contains("Unhandled failure on /admin/v1/persons/230794*****/audit"), "the failing path, masked");
        // H2's own message, through EclipseLink: "... ON PUBLIC.PERSON_AUDIT(PERSONIDENTIFIKATOR ...) VALUES ( ... '230794*****' )"
        assertTrue(Pattern.compile(Pattern.quote(marker) + "[^\\n]*'230794\\*{5}'").matcher(log).find(),
                "the database's key value, masked");
    }

    /** The server log holding {@code expected}; Payara writes it from a queue, so it may lag the answer. */
    static String awaitLog(String expected) throws Exception {
        String text = "";
        for (int attempt = 0; attempt < 50; attempt++) {
            text = serverLog();
            if (text.contains(expected)) {
                return text;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not in the server log: " + expected);
    }

    static String serverLog() throws IOException {
        // Payara Micro numbers its log file (it-payara.log.0, …)
        Path log = Path.of(System.getProperty("krr.it.logfile"));
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(log.getParent())) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(log.getFileName().toString())).toList()) {
                all.append(Files.readString(file, StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }
}
