package no.krr.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
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
                        .get("/admin/v1/persons/" + pid + "/audit").then().statusCode(200).extract().jsonPath().getList("items");
                long distinct = trail.stream().map(a -> a.get("field")).distinct().count();
                assertEquals(distinct, trail.size(), "an audit row doubled for a planted person: " + trail);
            }
        }
    }

    /** Persons checked so far; none before the run has planned its partitions. */
    static long checked(JsonPath report) {
        Object checked = report.get("counts.checked");
        return checked == null ? 0 : ((Number) checked).longValue();
    }
}
