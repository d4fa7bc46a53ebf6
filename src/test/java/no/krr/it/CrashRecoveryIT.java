package no.krr.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import no.krr.sandbox.LocalService;
import no.krr.sandbox.SandboxUpstream;
import no.krr.testdouble.DemoData;
import org.junit.jupiter.api.Test;

/**
 * A reconciliation whose server is killed part way, then restarted by its execution id on a new
 * server process over the same database: it goes on from what it committed and ends as an
 * uninterrupted run would, with no repair applied twice. (The new process's batch runtime does not
 * know the execution: on the embedded setup its repository lived in the dead process's runtime
 * directory. The run's own tables carry it.)
 */
class CrashRecoveryIT {

    @Test
    void aKilledRunRestartsOnANewProcessAndEndsLikeAnUninterruptedOne() throws Exception {
        try (ProcessNodes nodes = new ProcessNodes("crash")) {
            List<String> local = DemoData.lines(3000, Clock.systemUTC()).toList();
            SandboxUpstream.Result upstream = SandboxUpstream.variant(local, 7);
            nodes.world.register().putAll(upstream.lines().stream());
            Map<String, String> small = Map.of("krr.reconcile.batch-size", "100");

            LocalService first = nodes.start("first", small, List.of("--nocluster"), Map.of());
            String base = first.baseUrl();
            AdminClient admin = new AdminClient(base, first.adminToken());
            assertEquals("COMPLETED", admin.importAndWait(String.join("\n", local)).getString("status"));

            nodes.world.register().latency(Duration.ofMillis(400));
            Response started = given().baseUri(base).auth().oauth2(admin.adminToken()).contentType("application/json")
                    .body("{\"mode\":\"RECONCILE\"}").post("/admin/v1/reconciliations");
            started.then().statusCode(202);
            String location = started.getHeader("Location");
            long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
            long deadline = System.currentTimeMillis() + 120_000;
            while (checked(admin.status(location)) < 500 && System.currentTimeMillis() < deadline) {
                AdminClient.sleep(100);
            }
            long checkedBeforeCrash = checked(admin.status(location));
            first.kill();
            assertTrue(checkedBeforeCrash < local.size(), "the run ended before the crash");
            if (nodes.onPostgres()) {
                assertNothingLeftBehind(nodes.postgresUrl);
            }

            nodes.world.register().latency(Duration.ZERO);
            LocalService second = nodes.start("second", small, List.of("--nocluster"), Map.of());
            AdminClient again = new AdminClient(second.baseUrl(), second.adminToken());
            // the dead run holds the lock until it has shown no sign of life for a while
            Response restarted = null;
            for (int attempt = 0; attempt < 60; attempt++) {
                restarted = given().baseUri(second.baseUrl()).auth().oauth2(again.adminToken())
                        .post("/admin/v1/jobs/" + id + "/restart");
                if (restarted.statusCode() != 409) {
                    break;
                }
                AdminClient.sleep(500);
            }
            restarted.then().statusCode(202);
            JsonPath done = again.awaitEnd(restarted.getHeader("Location"));
            assertEquals("COMPLETED", done.getString("status"), done.prettify());
            assertEquals(local.size(), done.getLong("counts.checked"), "every person checked exactly once over both processes");
            long repairable = upstream.expectedKinds().entrySet().stream()
                    .filter(e -> !e.getKey().equals("SPRAAK_LOCAL_NEWER")).mapToLong(Map.Entry::getValue).sum();
            assertEquals(repairable, done.getLong("counts.corrected"), done.prettify());
            upstream.expectedKinds().forEach((kind, count) ->
                    assertEquals(count.longValue(), done.getLong("counts." + kind), kind));

            // the same as an uninterrupted run: a VERIFY now finds only what RECONCILE keeps
            Response verify = given().baseUri(second.baseUrl()).auth().oauth2(again.adminToken()).contentType("application/json")
                    .body("{\"mode\":\"VERIFY\"}").post("/admin/v1/reconciliations");
            verify.then().statusCode(202);
            JsonPath verified = again.awaitEnd(verify.getHeader("Location"));
            assertEquals(upstream.expectedKinds().getOrDefault("SPRAAK_LOCAL_NEWER", 0).longValue(),
                    verified.getLong("counts.discrepancies"), verified.prettify());
            // no repair applied twice: each repaired person has one audit row per changed field
            for (String pid : upstream.planted().keySet()) {
                List<Map<String, Object>> trail = given().baseUri(second.baseUrl()).auth().oauth2(again.adminToken())
                        .get("/admin/v1/persons/" + pid + "/audit").then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items")
                        .stream().filter(a -> "reconcile-persons".equals(a.get("actor"))).toList();
                long distinct = trail.stream().map(a -> a.get("field")).distinct().count();
                assertEquals(distinct, trail.size(), "an audit row doubled for a planted person: " + trail);
            }
        }
    }

    /**
     * An import whose server is killed twice, at whatever point of a chunk the kill lands (reading,
     * validating, writing, or between our commit and the runtime's checkpoint), resumed each time on
     * a new server process: it ends with every line written once, every audit row once, and the
     * dead servers leave nothing behind in PostgreSQL (no prepared transaction, no backend, no row lock).
     */
    @Test
    void aKilledImportResumesOnANewProcessWithEveryRowOnce() throws Exception {
        try (ProcessNodes nodes = new ProcessNodes("crash-import")) {
            List<String> lines = DemoData.lines(60_000, Clock.systemUTC()).toList();
            Map<String, String> small = Map.of("krr.import.chunk-size", "200", "krr.import.stale-after", "PT2S");
            // the first server keeps the batch repository to itself (the embedded setup): the second cannot know
            // the execution and resumes it from our own tables; the second and third share the repository in
            // PostgreSQL, so the third finds the second's execution still STARTED
            LocalService first = nodes.start("import-first", small, List.of("--nocluster"), Map.of());
            AdminClient admin = new AdminClient(first.baseUrl(), first.adminToken());
            Response started = admin.postImport(String.join("\n", lines));
            started.then().statusCode(202);
            String location = started.getHeader("Location");
            long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

            String resumed = killPartWayAndResume(nodes, first, location, id, 5_000, "import-second", small);
            LocalService second = nodes.last();
            String again = killPartWayAndResume(nodes, second, resumed, idOf(resumed), 25_000, "import-third", small);
            LocalService third = nodes.last();

            JsonPath done = new AdminClient(third.baseUrl(), third.adminToken()).awaitEnd(again);
            assertEquals("COMPLETED", done.getString("status"), done.prettify());
            assertEquals(lines.size(), done.getLong("counts.read"), "every line read once over three processes");
            assertEquals(lines.size(), done.getLong("counts.written"));
            assertEquals(lines.size(), done.getLong("counts.changed"), "every person added once, none twice");
            assertEquals(0, done.getLong("counts.skipped"));
            String aktiv = lines.stream().filter(l -> l.contains("\"status\":\"AKTIV\"")).findFirst().orElseThrow();
            String pid = new JsonPath(aktiv).getString("personidentifikator");
            given().baseUri(third.baseUrl()).auth().oauth2(nodes.world.idporten().token(pid).mint())
                    .contentType("application/json").body("{\"spraak\":\"se\"}".getBytes()).patch("/rest/v1/person")
                    .then().statusCode(200);
            if (nodes.onPostgres()) {
                assertEquals(lines.size(), TestDatabases.number(nodes.postgresUrl, "select count(*) from person"));
                assertEquals(0, TestDatabases.number(nodes.postgresUrl, "select count(*) from (select personidentifikator, "
                        + "field from person_audit where actor = 'import-persons' group by personidentifikator, field "
                        + "having count(*) > 1) doubled"), "an audit row written twice");
                assertEquals(lines.size(), TestDatabases.number(nodes.postgresUrl,
                        "select count(*) from person_audit where actor = 'import-persons' and field = 'status'"),
                        "one status row per person added");
            
                // a chunk the database refuses: the import fails with the reason, and counts only what committed
                TestDatabases.execute(nodes.postgresUrl, "alter table person add constraint refuse_one "
                        + "check (epostadresse is distinct from 'refuse@example.no')");
                List<String> refused = new java.util.ArrayList<>(DemoData.lines(450, Clock.systemUTC(), 99).toList());
                String victim = refused.stream().skip(250).filter(l -> l.contains("\"epostadresse\"")).findFirst().orElseThrow();
                refused.set(refused.indexOf(victim), victim.replaceFirst("\"epostadresse\":\"[^\"]*\"", "\"epostadresse\":\"refuse@example.no\""));
                JsonPath failed = new AdminClient(third.baseUrl(), third.adminToken()).importAndWait(String.join("\n", refused));
                assertEquals("FAILED", failed.getString("status"), failed.prettify());
                assertTrue(failed.getString("failure").startsWith("the database refused (SQL state 23514)"), failed.prettify());
                assertTrue(failed.getLong("counts.written") % 200 == 0 && failed.getLong("counts.written") < refused.size(),
                        "only whole committed chunks count: " + failed.prettify());
                assertTrue(Files.readString(third.log()).lines().filter(l -> l.contains("Import job " + failed.getLong("id") + " failed"))
                        .count() == 1, "one log line for the failure");
            }
        }
    }

    /** Kills the server once the job has done {@code atLeast} lines, checks what the dead server left, resumes on a new one. */
    private static String killPartWayAndResume(ProcessNodes nodes, LocalService server, String location, long id, long atLeast,
                                               String next, Map<String, String> settings) throws Exception {
        AdminClient admin = new AdminClient(server.baseUrl(), server.adminToken());
        long deadline = System.currentTimeMillis() + 180_000;
        while (done(admin.status(location)) < atLeast && System.currentTimeMillis() < deadline) {
            AdminClient.sleep(20);
        }
        JsonPath before = admin.status(location);
        server.kill();
        assertTrue(before.getString("status").startsWith("START"), "the job ended before the kill: " + before.prettify());
        if (nodes.onPostgres()) {
            assertNothingLeftBehind(nodes.postgresUrl);
        }
        LocalService resumed = nodes.start(next, settings, microOptions(nodes), environment(nodes));
        Response restarted = null;
        for (int attempt = 0; attempt < 60; attempt++) {
            restarted = given().baseUri(resumed.baseUrl()).auth().oauth2(resumed.adminToken())
                    .post("/admin/v1/jobs/" + id + "/restart");
            if (restarted.statusCode() != 409) {
                break;
            }
            AdminClient.sleep(500);
        }
        restarted.then().statusCode(202);
        return restarted.getHeader("Location");
    }

    /**
     * What a server killed with -9 may leave in PostgreSQL: a prepared transaction (two-phase commit)
     * would keep its row locks until a transaction manager resolved it. There is none; the dead
     * server's backends end once the kernel has closed its sockets, and no person row stays locked.
     */
    static void assertNothingLeftBehind(String url) throws Exception {
        assertEquals(0, TestDatabases.number(url, "select count(*) from pg_prepared_xacts"), "a prepared transaction");
        String others = "select count(*) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()";
        long deadline = System.currentTimeMillis() + 30_000;
        while (TestDatabases.number(url, others) > 0 && System.currentTimeMillis() < deadline) {
            AdminClient.sleep(100);
        }
        assertEquals(0, TestDatabases.number(url, others), "a backend of the dead server is still there");
        // NOWAIT fails at once on any locked row: a lock the dead server kept would show here
        assertTrue(TestDatabases.number(url, "select count(*) from (select 1 from person for update nowait) rows") > 0);
    }

    /** With PostgreSQL, the batch job repository there too (a restart then finds a dead execution STARTED). */
    private static List<String> microOptions(ProcessNodes nodes) {
        if (!nodes.onPostgres()) {
            return List.of("--nocluster");
        }
        return List.of("--nocluster", "--addlibs", ClusterIT.driverJar().toString(), "--postbootcommandfile",
                java.nio.file.Path.of("server-config", "postgresql-batch.asadmin").toAbsolutePath().toString());
    }

    private static Map<String, String> environment(ProcessNodes nodes) {
        return nodes.onPostgres() ? ClusterIT.postBootEnvironment(nodes.postgresUrl, TestDatabases.USER) : Map.of();
    }

    private static long idOf(String location) {
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    /** Lines done so far, from the live progress. */
    static long done(JsonPath report) {
        Object done = report.get("progress.done");
        return done == null ? 0 : ((Number) done).longValue();
    }

    /** Persons checked so far; none before the run has planned its partitions. */
    static long checked(JsonPath report) {
        Object checked = report.get("counts.checked");
        return checked == null ? 0 : ((Number) checked).longValue();
    }
}
