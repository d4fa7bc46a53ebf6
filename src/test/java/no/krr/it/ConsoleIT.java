package no.krr.it;

import static io.restassured.RestAssured.given;
import static no.krr.it.TestPersons.id;
import static no.krr.it.TestPersons.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.krr.testdouble.DemoData;
import no.krr.testdouble.MaskinportenClient;
import no.krr.testdouble.OutsideWorld;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The operator console in a real browser (Debian's Chromium through chromedriver) against the
 * service on the embedded database and the outside-world double, whose agency identity provider
 * has a login page on another site ({@code localhost}, the service being at {@code 127.0.0.1}): refused without a login and for a citizen or a staff member without the admin
 * scope; an operator logs in, runs a VERIFY to 100 %, reads the chart (checked against the report),
 * filters, pages and downloads the findings, repairs them, allows the held clearings, imports a
 * file with a bad line, reads a person's audit trail after a PATCH, and logs out. Every test saves a
 * screenshot under {@code target/console-screenshots/} and fails on a script error or a CSP refusal.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {


    static final int LANGUAGE_DIFFERS = 55;
    static final int UNKNOWN_UPSTREAM = 3;

    static OutsideWorld world;
    static Browser browser;
    static boolean loaded;
    static String patchedPid;
    static long verifyId;

    @Deployment
    static WebArchive deployment() {
        // "localhost" is another site than the service's 127.0.0.1: the login crosses sites as in production
        world = OutsideWorld.start(0, Clock.systemUTC(), "localhost");
        MaskinportenClient client = MaskinportenClient.shared("krr-it-client").trustIn(world);
        Map<String, String> config = new HashMap<>(client.config(world));
        config.put("krr.reconcile.schedule", "0 0 2 * * ?");
        config.put("krr.reconcile.mode", "VERIFY");
        config.put("krr.reconcile.batch-size", "50");
        config.put("krr.reconcile.max-deletions", "2");
        config.put("krr.console.secure-cookie", "false");
        return ServiceDeployment.war(world, config);
    }

    @ArquillianResource
    URL deployed;

    String base;

    @BeforeEach
    void setUp() {
        base = ServiceDeployment.baseUri(deployed);
        if (browser == null) {
            browser = Browser.start();
        }
        if (!loaded) {
            load();
            loaded = true;
        }
    }

    @AfterEach
    void screenshotAndConsole(TestInfo test) {
        browser.screenshot(test.getTestMethod().orElseThrow().getName());
        List<String> errors = browser.consoleErrors();
        assertTrue(errors.isEmpty(), "the page's console reported: " + errors);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (world != null) {
            world.close();
        }
    }

    /** Persons that agree, persons whose language upstream changed later, and persons upstream does not know. */
    void load() {
        List<String> agreeing = DemoData.lines(150, Clock.systemUTC()).toList();
        List<String> local = new ArrayList<>(agreeing);
        List<String> upstream = new ArrayList<>(agreeing);
        for (int i = 0; i < LANGUAGE_DIFFERS; i++) {
            String pid = id(String.format("%02d%02d85", 1 + i % 28, 41 + i / 28).substring(0, 6) + "3");
            local.add(person(pid, "\"spraak\":\"nb\",\"spraak_oppdatert\":\"2022-01-01T00:00:00Z\""));
            upstream.add(person(pid, "\"spraak\":\"en\",\"spraak_oppdatert\":\"2024-03-01T10:00:00Z\""));
        }
        for (int i = 0; i < UNKNOWN_UPSTREAM; i++) {
            local.add(person(id(String.format("%02d4385", 10 + i).substring(0, 6) + "4"), "\"spraak\":\"nn\""));
        }
        world.register().clear().putAll(upstream.stream());
        JsonPath report = admin().importAndWait(String.join("\n", local));
        assertEquals("COMPLETED", report.getString("status"));
        patchedPid = JsonPath.from(agreeing.get(0)).getString("personidentifikator");
    }



    AdminClient admin() {
        return new AdminClient(base, world.agency().token().mint());
    }

    JsonPath report(long id) {
        return admin().status("/admin/v1/jobs/" + id);
    }

    void logIn(String user) {
        browser.open(base + "/console/");
        browser.click("#login-" + user);
    }

    /** The id of the run whose page the browser shows (after a navigation to it). */
    long runIdOnPage() {
        browser.await(d -> d.getCurrentUrl().matches(".*#/kjoring/\\d+$"));
        String url = browser.driver.getCurrentUrl();
        return Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
    }

    String awaitRunEnd() {
        return browser.await(d -> {
            String status = d.findElement(By.id("run-status")).getText();
            return status.contains("COMPLETED") || status.contains("FAILED") || status.contains("STOPPED") ? status : null;
        });
    }

    @Test
    @Order(1)
    void withoutALoginTheConsoleSendsToTheLoginAndTheApiRefuses() {
        browser.open(base + "/console/");
        browser.visible("#login-operator-1");
        assertTrue(browser.driver.getCurrentUrl().startsWith(world.agencyIssuer() + "/authorize?"));
        String authorize = browser.driver.getCurrentUrl();
        assertTrue(authorize.contains("code_challenge_method=S256") && authorize.contains("code_challenge="), authorize);
        given().baseUri(base).get("/console/session").then().statusCode(401);
        given().baseUri(base).contentType("application/json").body("{\"mode\":\"VERIFY\"}")
                .post("/admin/v1/reconciliations").then().statusCode(401);
        given().baseUri(base).redirects().follow(false).get("/console/index.html").then().statusCode(302);
        String loginCookie = given().baseUri(base).redirects().follow(false).get("/console/login").then().statusCode(302)
                .extract().header("Set-Cookie");
        assertTrue(loginCookie.startsWith("KRR_CONSOLE_LOGIN=") && loginCookie.contains("HttpOnly")
                && loginCookie.contains("SameSite=Lax") && loginCookie.contains("Path=/console/callback"), loginCookie);
    }

    @Test
    @Order(2)
    void aCitizensLoginAndAStaffLoginWithoutTheScopeAreRefused() {
        logIn("citizen-1");
        assertTrue(browser.text("#message").contains("innbygger"), browser.text("#message"));
        browser.screenshot("refused-citizen");
        browser.open(base + "/console/");
        browser.visible("#login-reader-1");
        assertTrue(browser.driver.getCurrentUrl().startsWith(world.agencyIssuer()), "no session after a refused login");
        browser.click("#login-reader-1");
        assertTrue(browser.text("#message").contains("krr:admin"), browser.text("#message"));
        browser.open(base + "/console/");
        browser.visible("#login-operator-1");
    }

    @Test
    @Order(3)
    void anOperatorLogsInAndSeesTheOverview() {
        logIn("operator-1");
        browser.await(d -> d.findElement(By.id("operator")).getText().equals("operator-1"));
        browser.await(d -> d.findElement(By.id("ready")).getText().contains("Klar"));
        assertTrue(browser.text("#database").contains("Oppe"));
        assertTrue(browser.text("#next-run").contains("kl. 02:00"), browser.text("#next-run"));
        browser.visible("#runs tbody tr");
        assertTrue(browser.unlabelledFields().isEmpty(), browser.unlabelledFields().toString());
        Cookie session = browser.driver.manage().getCookieNamed("KRR_CONSOLE");
        assertTrue(session.isHttpOnly());
        assertEquals("Strict", session.getSameSite());
        assertFalse(browser.driver.getCurrentUrl().contains("code="), "the code does not stay in the address");
    }

    @Test
    @Order(4)
    void aVerifyRunsToOneHundredPercentAndItsChartMatchesTheReport() {
        browser.open(base + "/console/#/");
        browser.click("#start-verify");
        verifyId = runIdOnPage();
        assertTrue(awaitRunEnd().contains("COMPLETED"));
        WebElement progress = browser.visible("#run-progress");
        browser.await(d -> progress.getAttribute("value").equals(progress.getAttribute("max")));
        assertTrue(browser.text("#run-progress-text").contains("100"), browser.text("#run-progress-text"));
        JsonPath report = report(verifyId);
        assertEquals(LANGUAGE_DIFFERS, report.getInt("counts.SPRAAK_UPSTREAM_NEWER"));
        assertEquals(UNKNOWN_UPSTREAM, report.getInt("counts.STATUS_MISMATCH"));
        for (String kind : List.of("SPRAAK_UPSTREAM_NEWER", "SPRAAK_LOCAL_NEWER", "VARSLINGSSTATUS_MISMATCH",
                "STATUS_MISMATCH", "UPSTREAM_ERROR")) {
            WebElement bar = browser.find("#kind-chart g[data-kind='" + kind + "']");
            int expected = report.get("counts." + kind) == null ? 0 : report.getInt("counts." + kind);
            assertEquals(String.valueOf(expected), bar.getAttribute("data-count"), kind);
        }
        assertEquals(String.valueOf(report.getInt("counts.checked")), browser.find("#counts [data-count='checked']").getText()
                .replaceAll("\\D", ""));
    }

    @Test
    @Order(5)
    void theFindingsPageFilterAndDownloadAsCsv() throws IOException {
        browser.open(base + "/console/#/kjoring/" + verifyId);
        browser.await(d -> d.findElements(By.cssSelector("#findings tbody tr")).size() == 50);
        browser.click("#next-page");
        browser.await(d -> d.findElements(By.cssSelector("#findings tbody tr")).size()
                == LANGUAGE_DIFFERS + UNKNOWN_UPSTREAM - 50);
        browser.click("#first-page");
        browser.await(d -> d.findElements(By.cssSelector("#findings tbody tr")).size() == 50);

        new Select(browser.visible("#kind-filter")).selectByValue("STATUS_MISMATCH");
        browser.await(d -> d.findElements(By.cssSelector("#findings tbody tr")).size() == UNKNOWN_UPSTREAM);
        browser.click("#download-csv");
        Path csv = browser.downloads.resolve("avvik-" + verifyId + ".csv");
        browser.await(d -> Files.isRegularFile(csv) ? csv : null);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals("personidentifikator,kind,local,upstream,action,detail", lines.get(0));
        assertEquals(UNKNOWN_UPSTREAM, lines.size() - 1, lines.toString());
        assertTrue(lines.stream().skip(1).allMatch(line -> line.contains(",STATUS_MISMATCH,")), lines.toString());
        browser.scrollTo("#kind-filter");
    }

    @Test
    @Order(6)
    void repairTheseRepairsAndTheHeldClearingsWaitForAConfirmation() {
        browser.open(base + "/console/#/kjoring/" + verifyId);
        browser.click("#repair");
        browser.click("#confirm-reconcile-yes");
        browser.await(d -> !d.getCurrentUrl().endsWith("/" + verifyId));
        long reconcile = runIdOnPage();
        assertTrue(reconcile > verifyId);
        assertTrue(awaitRunEnd().contains("FAILED"), "more clearings than krr.reconcile.max-deletions");
        assertTrue(browser.text("#held").contains(String.valueOf(UNKNOWN_UPSTREAM)), browser.text("#held"));
        JsonPath held = report(reconcile);
        assertEquals(LANGUAGE_DIFFERS, held.getInt("counts.corrected"), "the other repairs are applied");
        assertEquals(UNKNOWN_UPSTREAM, held.getInt("counts.held"));
        browser.screenshot("held-clearings");

        browser.click("#allow-deletions");
        assertTrue(browser.text("#confirm-deletions").contains(String.valueOf(UNKNOWN_UPSTREAM)));
        browser.click("#confirm-deletions-yes");
        browser.await(d -> !d.getCurrentUrl().endsWith("/" + reconcile));
        long allowed = runIdOnPage();
        assertTrue(awaitRunEnd().contains("COMPLETED"));
        assertEquals(UNKNOWN_UPSTREAM, report(allowed).getInt("counts.corrected"));
    }

    @Test
    @Order(7)
    void aRunningVerifyIsStoppedAndRestartedFromThePage() {
        world.register().latency(java.time.Duration.ofMillis(800));
        long stopped;
        try {
            browser.open(base + "/console/#/");
            browser.click("#start-verify");
            stopped = runIdOnPage();
            browser.click("#stop-run");
            assertTrue(awaitRunEnd().contains("STOPPED"));
        } finally {
            world.register().latency(java.time.Duration.ZERO);
        }
        browser.click("#restart-run");
        browser.await(d -> !d.getCurrentUrl().endsWith("/" + stopped));
        long restarted = runIdOnPage();
        assertTrue(awaitRunEnd().contains("COMPLETED"));
        JsonPath report = report(restarted);
        assertEquals(report(stopped).getLong("run"), report.getLong("run"), "the same run, gone on from its checkpoint");
        assertTrue(report.getList("history").stream().anyMatch(h -> ((Map<?, ?>) h).get("action").equals("STOP")),
                report.getList("history").toString());
    }

    @Test
    @Order(8)
    void anImportWithABadLineListsItWithItsReason() throws IOException {
        Path file = Files.createTempFile("krr-console-import-", ".ndjson");
        Files.writeString(file, person(id("2001856"), "\"spraak\":\"nb\"") + "\n{\"personidentifikator\":\"123\"}\n"
                + person(id("2101856"), "\"spraak\":\"nn\"") + "\n");
        browser.open(base + "/console/#/import");
        // the file field is drawn as a drop zone; its input is there, though not displayed itself
        browser.await(d -> d.findElements(By.id("import-file")).size() == 1);
        browser.find("#import-file").sendKeys(file.toAbsolutePath().toString());
        assertTrue(browser.unlabelledFields().isEmpty(), browser.unlabelledFields().toString());
        browser.click("#upload");
        long id = runIdOnPage();
        assertTrue(awaitRunEnd().contains("COMPLETED"));
        WebElement row = browser.visible("#skipped-lines tbody tr");
        assertTrue(row.getText().startsWith("2"), row.getText());
        JsonPath report = report(id);
        assertEquals(1, report.getInt("counts.skipped"));
        assertEquals(String.valueOf(report.getInt("counts.written")), browser.find("#counts [data-count='written']").getText()
                .replaceAll("\\D", ""));
        assertTrue(row.getText().contains(report.getString("skippedLines[0].reason")), row.getText());
        browser.scrollTo("#skipped-lines");
    }

    @Test
    @Order(9)
    void aPersonsAuditTrailShowsTheCitizensChange() {
        given().baseUri(base).auth().oauth2(world.idporten().token(patchedPid).mint()).contentType("application/json")
                .body("{\"spraak\":\"se\"}").patch("/rest/v1/person").then().statusCode(200);
        browser.open(base + "/console/#/person");
        WebElement pid = browser.visible("#pid");
        pid.sendKeys(patchedPid.substring(0, 10) + ((patchedPid.charAt(10) - '0' + 1) % 10));
        browser.click("#lookup");
        browser.visible("#pid-error");
        assertTrue(browser.all("#audit tbody tr").isEmpty(), "nothing looked up for an invalid id");
        pid.clear();
        pid.sendKeys(patchedPid, Keys.ENTER);
        WebElement latest = browser.visible("#audit tbody tr");
        assertTrue(latest.getText().contains("spraak") && latest.getText().contains("innbygger"), latest.getText());
        assertFalse(browser.driver.getCurrentUrl().contains(patchedPid), "the national id stays out of the address");
    }

    @Test
    @Order(10)
    void aChangeWithoutTheCsrfTokenIsRefusedAndTheProblemIsShown() {
        browser.open(base + "/console/#/");
        browser.visible("#operator");
        Cookie session = browser.driver.manage().getCookieNamed("KRR_CONSOLE");
        given().baseUri(base).cookie("KRR_CONSOLE", session.getValue()).contentType("application/json")
                .body("{\"mode\":\"VERIFY\"}").post("/admin/v1/reconciliations").then().statusCode(403);
        given().baseUri(base).cookie("KRR_CONSOLE", session.getValue()).get("/admin/v1/jobs?limit=1").then().statusCode(200);
        // a refusal of the API is shown with its detail: a VERIFY while one runs (kept running by a slow upstream) is 409
        world.register().latency(java.time.Duration.ofMillis(800));
        String running;
        try {
            running = given().baseUri(base).auth().oauth2(world.agency().token().mint()).contentType("application/json")
                    .body("{\"mode\":\"VERIFY\"}").post("/admin/v1/reconciliations").then().statusCode(202)
                    .extract().header("Location");
            browser.click("#start-verify");
            String problem = browser.text("#problem");
            assertTrue(problem.contains("already running"), problem);
            assertTrue(browser.driver.getCurrentUrl().endsWith("#/"), "the page stays where it was");
        } finally {
            world.register().latency(java.time.Duration.ZERO);
        }
        admin().awaitEnd(running);
    }

    @Test
    @Order(11)
    void aNarrowWindowKeepsEveryPageInside() {
        browser.narrow();
        try {
            for (String page : List.of("#/", "#/kjoring/" + verifyId, "#/import", "#/person")) {
                browser.open(base + "/console/" + page);
                browser.visible("#operator");
                browser.screenshot("narrow-" + page.replaceAll("[^a-z0-9]", ""));
                assertFalse(browser.overflows(), page + " is wider than a 400 px window");
            }
        } finally {
            browser.wide();
        }
    }

    @Test
    @Order(12)
    void theKeyboardAloneReachesTheActions() {
        browser.open(base + "/console/#/");
        browser.visible("#start-verify");
        WebElement body = browser.find("body");
        body.sendKeys(Keys.TAB);
        boolean reached = false;
        for (int i = 0; i < 40 && !reached; i++) {
            reached = "start-verify".equals(browser.driver.switchTo().activeElement().getAttribute("id"));
            if (!reached) {
                browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
            }
        }
        assertTrue(reached, "Tab reaches the start of a VERIFY");
    }

    @Test
    @Order(13)
    void loggingOutEndsTheSession() {
        browser.open(base + "/console/#/");
        Cookie session = browser.driver.manage().getCookieNamed("KRR_CONSOLE");
        browser.click("#logout");
        assertTrue(browser.text("#message").contains("logget ut"), browser.text("#message"));
        given().baseUri(base).cookie("KRR_CONSOLE", session.getValue()).get("/admin/v1/jobs?limit=1").then().statusCode(401);
        browser.open(base + "/console/");
        browser.visible("#login-operator-1");
    }
}
