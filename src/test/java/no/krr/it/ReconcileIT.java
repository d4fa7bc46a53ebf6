package no.krr.it;

import static io.restassured.RestAssured.given;
import static no.krr.it.TestPersons.id;
import static no.krr.it.TestPersons.person;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import no.krr.testdouble.AgencyIdp;
import no.krr.testdouble.DemoData;
import no.krr.testdouble.MaskinportenClient;
import no.krr.testdouble.OutsideWorld;
import no.krr.testdouble.Register;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The batch verifier against the test double of the upstream register and Maskinporten, on a
 * ground truth: a few thousand persons that agree, and persons with planted discrepancies of every
 * kind. VERIFY finds exactly them and changes nothing, RECONCILE repairs them, a second VERIFY
 * finds only SPRAAK_LOCAL_NEWER; the same holds with a fifth of the upstream calls failing, across
 * a stop and a restart, and a citizen's change made during a run survives it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReconcileIT {

    static final int AGREEING = 2000;

    static final String UP_NEWER = id("0141900");       // languages differ, upstream changed later
    static final String LOCAL_NEWER = id("0241900");    // languages differ, our change is later
    static final String TIE = id("0341900");           // languages differ, the same instant
    static final String NO_LOCAL_TIME = id("0441900");  // languages differ, ours has no time
    static final String VARSLING = id("0541900");       // varslingsstatus differs
    static final String SLETTET_UP = id("0641900");     // upstream SLETTET
    static final String UNKNOWN_UP = id("0741900");     // upstream does not know the person
    static final String EMPTY_STRINGS = id("0841900");  // agrees; upstream writes empty strings

    static final Map<String, String> PLANTED = new LinkedHashMap<>();

    static {
        PLANTED.put(UP_NEWER, "SPRAAK_UPSTREAM_NEWER");
        PLANTED.put(LOCAL_NEWER, "SPRAAK_LOCAL_NEWER");
        PLANTED.put(TIE, "SPRAAK_UPSTREAM_NEWER");
        PLANTED.put(NO_LOCAL_TIME, "SPRAAK_UPSTREAM_NEWER");
        PLANTED.put(VARSLING, "VARSLINGSSTATUS_MISMATCH");
        PLANTED.put(SLETTET_UP, "STATUS_MISMATCH");
        PLANTED.put(UNKNOWN_UP, "STATUS_MISMATCH");
    }

    static OutsideWorld world;
    static List<String> agreeing;
    static boolean loaded;
    static long firstVerify;


    @Deployment
    static WebArchive deployment() {
        world = OutsideWorld.start();
        MaskinportenClient client = MaskinportenClient.shared("krr-it-client").trustIn(world);
        Map<String, String> config = new HashMap<>(client.config(world));
        config.put("krr.reconcile.schedule", "off");
        config.put("krr.reconcile.batch-size", "100");
        config.put("krr.reconcile.partitions", "4");
        config.put("krr.reconcile.lock-stale-after", "PT20S");
        // the planted persons hold two clearings; a wrong upstream would clear thousands
        config.put("krr.reconcile.max-deletions", "5");
        config.put("krr.upstream.timeout-ms", "1500");
        config.put("krr.upstream.backoff-base-ms", "50");
        config.put("krr.upstream.max-attempts", "8");
        return ServiceDeployment.war(world, config);
    }

    @ArquillianResource
    URL deployed;

    String base;
    String admin;

    @AfterAll
    static void stopWorld() {
        if (world != null) {
            world.close();
        }
    }

    @BeforeEach
    void load() {
        base = ServiceDeployment.baseUri(deployed);
        admin = world.agency().token().mint();
        if (loaded) {
            return;
        }
        agreeing = DemoData.lines(AGREEING - DemoData.publishedTestPersons().size(), Clock.systemUTC()).toList();
        world.register().clear().putAll(agreeing.stream()).putAll(upstreamPlanted().stream());
        importLocal(true);
        loaded = true;
    }

    /** Our side: the agreeing persons (first time only) and the planted ones as they were before any repair. */
    void importLocal(boolean withAgreeing) {
        List<String> lines = new ArrayList<>(withAgreeing ? agreeing : List.of());
        String fresh = java.time.OffsetDateTime.now().minusMonths(1).withNano(0).toString();
        lines.add(person(UP_NEWER, "\"spraak\":\"nb\",\"spraak_oppdatert\":\"2022-01-01T00:00:00Z\""));
        lines.add(person(LOCAL_NEWER, "\"spraak\":\"nn\",\"spraak_oppdatert\":\"2025-06-01T12:00:00Z\""));
        lines.add(person(TIE, "\"spraak\":\"nb\",\"spraak_oppdatert\":\"2023-01-01T00:00:00Z\""));
        lines.add(person(NO_LOCAL_TIME, "\"spraak\":\"nb\""));
        lines.add(person(VARSLING, "\"varslingsstatus\":\"KAN_VARSLES\",\"kontaktinformasjon\":{\"epostadresse\":\"v@example.no\","
                + "\"epostadresse_oppdatert\":\"" + fresh + "\"}"));
        lines.add(person(SLETTET_UP, "\"kontaktinformasjon\":{\"epostadresse\":\"s@example.no\",\"mobiltelefonnummer\":\"41234567\"},"
                + "\"digital_post\":{\"postkasseadresse\":\"s#1\",\"postkasseleverandoeradresse\":\"984661185\"}"));
        lines.add(person(UNKNOWN_UP, "\"spraak\":\"en\""));
        lines.add(person(EMPTY_STRINGS, "\"spraak\":\"nb\""));
        JsonPath report = new AdminClient(base, admin).importAndWait(String.join("\n", lines));
        assertEquals("COMPLETED", report.getString("status"));
        assertEquals(0, report.getInt("counts.skipped"));
    }


    /** Upstream's side, in the three timestamp shapes it writes, and with empty strings. */
    static List<String> upstreamPlanted() {
        String fresh = java.time.OffsetDateTime.now().minusMonths(1).withNano(0).toString();
        return List.of(
                person(UP_NEWER, "\"spraak\":\"en\",\"spraak_oppdatert\":\"2024-03-01T10:00:00+01\""),
                person(LOCAL_NEWER, "\"spraak\":\"nb\",\"spraak_oppdatert\":\"2023-08-05T10:45:15.768Z\""),
                person(TIE, "\"spraak\":\"se\",\"spraak_oppdatert\":\"2023-01-01T01:00:00.000+01:00\""),
                person(NO_LOCAL_TIME, "\"spraak\":\"en\",\"spraak_oppdatert\":\"2020-05-05T05:05:05Z\""),
                person(VARSLING, "\"varslingsstatus\":\"KAN_IKKE_VARSLES\",\"kontaktinformasjon\":{\"epostadresse\":\"v@example.no\","
                        + "\"epostadresse_oppdatert\":\"" + fresh + "\"}"),
                "{\"personidentifikator\":\"" + SLETTET_UP + "\",\"status\":\"SLETTET\"}",
                person(EMPTY_STRINGS, "\"spraak\":\"nb\",\"spraak_oppdatert\":\"\",\"reservasjonstidspunkt\":\"\"")
                // UNKNOWN_UP is not there: upstream answers IKKE_REGISTRERT
        );
    }

    RequestSpecification asAdmin() {
        return given().baseUri(base).auth().oauth2(admin);
    }

    Response start(String mode) {
        return asAdmin().contentType("application/json").body("{\"mode\":\"" + mode + "\"}")
                .post("/admin/v1/reconciliations");
    }

    JsonPath run(String mode) {
        Response started = start(mode);
        started.then().statusCode(202).header("Location", startsWith("/admin/v1/reconciliations/"));
        return new AdminClient(base, admin).awaitEnd(started.getHeader("Location"));
    }

    /** Every finding of a run, through the paged list. */
    Map<String, String> findings(long id) {
        Map<String, String> found = new HashMap<>();
        String after = null;
        do {
            RequestSpecification request = asAdmin().queryParam("limit", 3);
            if (after != null) {
                request = request.queryParam("after", after);
            }
            JsonPath page = request.get("/admin/v1/reconciliations/" + id + "/discrepancies").then().statusCode(200)
                    .extract().jsonPath();
            for (Map<String, Object> item : page.<Map<String, Object>>getList("items")) {
                String previous = found.put(item.get("personidentifikator") + "/" + item.get("kind"), (String) item.get("action"));
                assertEquals(null, previous, "an item on two pages");
            }
            after = page.getString("next");
        } while (after != null);
        return found;
    }

    static Map<String, String> plantedFindings() {
        return PLANTED.entrySet().stream().collect(Collectors.toMap(e -> e.getKey() + "/" + e.getValue(), e -> ""));
    }

    String personJson(String pid) {
        return given().baseUri(base).auth().oauth2(world.idporten().token(pid).mint()).get("/rest/v1/person").asString();
    }

    List<Map<String, Object>> audit(String pid) {
        return asAdmin().get("/admin/v1/persons/" + pid + "/audit").then().statusCode(200).extract().jsonPath().getList("items");
    }

    @Test
    @Order(1)
    void verifyFindsExactlyThePlantedDiscrepanciesAndChangesNothing() {
        Map<String, String> before = new HashMap<>();
        PLANTED.keySet().forEach(pid -> before.put(pid, personJson(pid)));
        int callsBefore = world.register().calls();

        JsonPath report = run("VERIFY");
        firstVerify = report.getLong("id");
        assertEquals("COMPLETED", report.getString("status"), report.prettify());
        assertEquals("VERIFY", report.getString("mode"));
        long total = AGREEING + PLANTED.size() + 1;
        assertEquals(total, report.getLong("counts.checked"));
        assertEquals(total - PLANTED.size(), report.getLong("counts.matched"));
        assertEquals(PLANTED.size(), report.getLong("counts.discrepancies"));
        assertEquals(0, report.getLong("counts.corrected"));
        assertEquals(0, report.getLong("counts.upstreamErrors"));
        assertEquals(3, report.getInt("counts.SPRAAK_UPSTREAM_NEWER"));
        assertEquals(1, report.getInt("counts.SPRAAK_LOCAL_NEWER"));
        assertEquals(1, report.getInt("counts.VARSLINGSSTATUS_MISMATCH"));
        assertEquals(2, report.getInt("counts.STATUS_MISMATCH"));
        assertEquals(100.0, report.getDouble("progress.percent"));

        Map<String, String> found = findings(report.getLong("id"));
        assertEquals(plantedFindings().keySet(), found.keySet());
        assertTrue(found.values().stream().allMatch("NONE"::equals), "VERIFY acts on nothing: " + found);
        PLANTED.keySet().forEach(pid -> assertEquals(before.get(pid), personJson(pid), "VERIFY changed a person"));
        PLANTED.keySet().forEach(pid -> assertTrue(audit(pid).stream().allMatch(a -> "import-persons".equals(a.get("actor"))),
                "VERIFY wrote an audit row"));

        assertTrue(world.register().maxIdsPerCall() <= 1000, "upstream saw more than 1000 ids in a call");
        assertEquals(0, world.register().violations());
        assertTrue(world.register().calls() - callsBefore >= 20, "one call per chunk of 100");
        assertEquals(1, world.maskinporten().grants(), "one Maskinporten grant served every call");
    }

    @Test
    @Order(2)
    void theListOfFindingsFiltersByKindAndComesAsCsv() throws Exception {
        long id = firstVerify;
        JsonPath spraak = asAdmin().queryParam("kind", "STATUS_MISMATCH")
                .get("/admin/v1/reconciliations/" + id + "/discrepancies").then().statusCode(200).extract().jsonPath();
        assertEquals(Set.of(SLETTET_UP, UNKNOWN_UP), new HashSet<>(spraak.getList("items.personidentifikator")));
        assertEquals(List.of("AKTIV", "AKTIV"), spraak.getList("items.local"));
        String csv = asAdmin().accept("text/csv").get("/admin/v1/reconciliations/" + id + "/discrepancies")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals("personidentifikator,kind,local,upstream,action,detail", lines.get(0));
        assertEquals(PLANTED.size() + 1, lines.size());
        assertTrue(ServerLog.text().contains("Discrepancies of reconciliation " + id + " exported as CSV by sub="
                + AgencyIdp.DEFAULT_SUB + ";client_id=" + AgencyIdp.DEFAULT_CLIENT_ID), "the export is logged with who");
        assertEquals("sub=" + AgencyIdp.DEFAULT_SUB + ";client_id=" + AgencyIdp.DEFAULT_CLIENT_ID,
                asAdmin().get("/admin/v1/reconciliations/" + id).then().statusCode(200).extract().jsonPath().getString("startedBy"));
        asAdmin().queryParam("kind", "NONSENSE").get("/admin/v1/reconciliations/" + id + "/discrepancies")
                .then().statusCode(400).contentType("application/problem+json");
        asAdmin().get("/admin/v1/reconciliations/987654").then().statusCode(404);
    }

    @Test
    @Order(3)
    void reconcileRepairsThemAndASecondVerifyFindsOnlyLocalNewer() {
        JsonPath report = run("RECONCILE");
        assertRepairedLikeACleanRun(report);
        assertRepairedState();

        JsonPath again = run("VERIFY");
        assertEquals(1, again.getLong("counts.discrepancies"), again.prettify());
        assertEquals(1, again.getInt("counts.SPRAAK_LOCAL_NEWER"));
        assertEquals(Map.of(LOCAL_NEWER + "/SPRAAK_LOCAL_NEWER", "NONE"), findings(again.getLong("id")));
    }

    void assertRepairedLikeACleanRun(JsonPath report) {
        assertEquals("COMPLETED", report.getString("status"), report.prettify());
        assertEquals(0, report.getLong("counts.held"), "two clearings are within the limit of five");
        assertEquals(PLANTED.size(), report.getLong("counts.discrepancies"), report.prettify());
        assertEquals(6, report.getLong("counts.corrected"), "every planted person but the local-newer one");
        assertEquals(0, report.getLong("counts.upstreamErrors"));
        Map<String, String> found = findings(report.getLong("id"));
        assertEquals(plantedFindings().keySet(), found.keySet());
        assertEquals("KEPT_LOCAL", found.get(LOCAL_NEWER + "/SPRAAK_LOCAL_NEWER"));
        found.forEach((key, action) -> {
            if (!key.startsWith(LOCAL_NEWER)) {
                assertEquals("UPDATED", action, key);
            }
        });
    }

    void assertRepairedState() {
        JsonPath upNewer = new JsonPath(personJson(UP_NEWER));
        assertEquals("en", upNewer.getString("spraak"));
        assertEquals("2024-03-01T10:00:00+01:00", upNewer.getString("spraak_oppdatert"));
        assertEquals("nn", new JsonPath(personJson(LOCAL_NEWER)).getString("spraak"));
        assertEquals("se", new JsonPath(personJson(TIE)).getString("spraak"));
        assertEquals("en", new JsonPath(personJson(NO_LOCAL_TIME)).getString("spraak"));
        assertEquals("KAN_IKKE_VARSLES", new JsonPath(personJson(VARSLING)).getString("varslingsstatus"));
        JsonPath slettet = new JsonPath(personJson(SLETTET_UP));
        assertEquals("SLETTET", slettet.getString("status"));
        assertFalse(slettet.getMap("").containsKey("kontaktinformasjon"));
        assertEquals("IKKE_REGISTRERT", new JsonPath(personJson(UNKNOWN_UP)).getString("status"));
        List<Map<String, Object>> cleared = audit(SLETTET_UP);
        assertTrue(cleared.stream().anyMatch(a -> "epostadresse".equals(a.get("field")) && "s@example.no".equals(a.get("old"))
                && !a.containsKey("new") && "reconcile-persons".equals(a.get("actor"))), "clearing contact data is audited: " + cleared);
    }

    @Test
    @Order(4)
    void theSameResultWithAFifthOfTheUpstreamCallsFailing() {
        importLocal(false);
        // one of each kind for certain, then a fifth of the calls at random
        world.register().failNext(1, Register.Fault.TIMEOUT).failRate(0.2, 42).timeoutAfter(Duration.ofMillis(2500));
        try {
            JsonPath report = run("RECONCILE");
            assertRepairedLikeACleanRun(report);
            assertRepairedState();
            assertTrue(world.register().faults() > 0, "no fault was played");
        } finally {
            world.register().failRate(0, 0);
        }
    }

    @Test
    @Order(5)
    void aStoppedRunRestartsFromItsCheckpointWithTheSameResultAndNoDoubleRepair() {
        importLocal(false);
        world.register().latency(Duration.ofMillis(700));
        try {
            Response started = start("RECONCILE");
            started.then().statusCode(202);
            String location = started.getHeader("Location");
            String id = location.substring(location.lastIndexOf('/') + 1);
            AdminClient client = new AdminClient(base, admin);
            long deadline = System.currentTimeMillis() + 60_000;
            while (AdminClient.done(client.status(location)) == 0 && System.currentTimeMillis() < deadline) {
                AdminClient.sleep(50);
            }
            start("VERIFY").then().statusCode(409).contentType("application/problem+json");
            asAdmin().post("/admin/v1/jobs/" + id + "/stop").then().statusCode(202);
            JsonPath stopped = client.awaitEnd(location);
            assertEquals("STOPPED", stopped.getString("status"));
            assertTrue(stopped.getLong("counts.checked") < AGREEING + PLANTED.size() + 1, "stopped part way: " + stopped.prettify());

            Response restarted = asAdmin().post("/admin/v1/jobs/" + id + "/restart");
            restarted.then().statusCode(202);
            JsonPath done = client.awaitEnd(restarted.getHeader("Location"));
            assertEquals(AGREEING + PLANTED.size() + 1, done.getLong("counts.checked"), "every person checked once");
            assertRepairedLikeACleanRun(done);
            assertRepairedState();
            // one audit row per repaired field, not two
            long spraakRows = audit(UP_NEWER).stream().filter(a -> "spraak".equals(a.get("field"))
                    && "nb".equals(a.get("old")) && "reconcile-persons".equals(a.get("actor"))).count();
            assertEquals(3, spraakRows, "three RECONCILE runs each repaired UP_NEWER once");
        } finally {
            world.register().latency(Duration.ZERO);
        }
    }

    @Test
    @Order(6)
    void aCitizensChangeDuringARunSurvivesIt() {
        importLocal(false);
        world.register().latency(Duration.ofMillis(800));
        try {
            Response started = start("RECONCILE");
            started.then().statusCode(202);
            given().baseUri(base).auth().oauth2(world.idporten().token(UP_NEWER).mint())
                    .contentType("application/json").body("{\"spraak\":\"se\"}".getBytes())
                    .patch("/rest/v1/person").then().statusCode(200);
            JsonPath done = new AdminClient(base, admin).awaitEnd(started.getHeader("Location"));
            assertEquals("COMPLETED", done.getString("status"));
            assertEquals("se", new JsonPath(personJson(UP_NEWER)).getString("spraak"), "the citizen's change was overwritten");
            Map<String, String> found = findings(done.getLong("id"));
            assertTrue(Set.of("SKIPPED_CHANGED", "KEPT_LOCAL").contains(
                    found.getOrDefault(UP_NEWER + "/SPRAAK_UPSTREAM_NEWER", found.get(UP_NEWER + "/SPRAAK_LOCAL_NEWER"))), found.toString());
        } finally {
            world.register().latency(Duration.ZERO);
        }
    }

    @Test
    @Order(7)
    void countsAreMetrics() {
        String metrics = given().baseUri(base).get("/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("krr_reconcile_checked"), "no reconcile metrics");
        assertTrue(metrics.contains("SPRAAK_LOCAL_NEWER"), "no per-kind metric");
        PLANTED.keySet().forEach(pid -> assertFalse(metrics.contains(pid), "a national id in a metric"));
        assertFalse(metrics.contains(EMPTY_STRINGS), "a national id in a metric");
    }

    @Test
    @Order(8)
    void aRefusedMaskinportenGrantStopsTheRunWithItsErrorInTheReport() {
        // the service's cached token stops working, and the grant for a new one is refused
        world.maskinporten().revokeAll().failNext("invalid_client", "Invalid client certificate");
        JsonPath report = run("VERIFY");
        assertEquals("FAILED", report.getString("status"), report.prettify());
        String failure = report.getString("failure");
        assertTrue(failure.contains("invalid_client") && failure.contains("Invalid client certificate"), failure);
        // the lock was given back: the next run starts (and, with a good grant, completes)
        assertEquals("COMPLETED", run("VERIFY").getString("status"));
    }

    @Test
    @Order(9)
    void anUpstreamThatKnowsNobodyClearsNobodyAndTheReportSaysWhy() {
        importLocal(false);
        String slettetBefore = personJson(SLETTET_UP);
        // a wrong krr.upstream.url: a register that knows nobody answers IKKE_REGISTRERT for every id
        world.register().clear();
        try {
            JsonPath report = run("RECONCILE");
            assertEquals("FAILED", report.getString("status"), report.prettify());
            String failure = report.getString("failure");
            // every person not already IKKE_REGISTRERT here
            long held = report.getLong("counts.held");
            assertTrue(held > AGREEING / 2, report.prettify());
            assertTrue(failure.startsWith(held + " persons would be cleared") && failure.contains("krr.reconcile.max-deletions (5)")
                    && failure.contains("\"allowDeletions\":" + held), failure);
            assertEquals(0, report.getLong("counts.corrected"));
            assertEquals(slettetBefore, personJson(SLETTET_UP), "a held clearing touched the person");
            assertEquals("AKTIV", new JsonPath(personJson(agreeingPid(0))).getString("status"));
            assertEquals("HELD", findings(report.getLong("id")).get(UP_NEWER + "/STATUS_MISMATCH"));

            // an operator who allows fewer than there are: still none
            Response allowed = asAdmin().contentType("application/json").body("{\"mode\":\"RECONCILE\",\"allowDeletions\":3}")
                    .post("/admin/v1/reconciliations");
            allowed.then().statusCode(202);
            JsonPath again = new AdminClient(base, admin).awaitEnd(allowed.getHeader("Location"));
            assertEquals("FAILED", again.getString("status"));
            assertTrue(again.getString("failure").contains("allowDeletions 3 of this run"), again.getString("failure"));
            assertEquals(slettetBefore, personJson(SLETTET_UP));

            asAdmin().contentType("application/json").body("{\"mode\":\"VERIFY\",\"allowDeletions\":3}")
                    .post("/admin/v1/reconciliations").then().statusCode(400).contentType("application/problem+json");
        } finally {
            world.register().clear().putAll(agreeing.stream()).putAll(upstreamPlanted().stream());
        }
    }

    String agreeingPid(int index) {
        return new JsonPath(agreeing.get(index)).getString("personidentifikator");
    }
}
