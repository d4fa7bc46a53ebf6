package no.krr.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.krr.sandbox.LocalService;
import no.krr.sandbox.SandboxUpstream;
import no.krr.testdouble.DemoData;
import org.junit.jupiter.api.Test;

/**
 * Two Payara Micro instances of the WAR, clustered with Payara's data grid on loopback, sharing one
 * PostgreSQL database, each set up by one of the two documented recipes: A by
 * {@code server-config/postgresql.asadmin} alone (a server-level pool for the service and the batch
 * job repository, its own database role, sizes from the environment, and {@code krr.datasource.url}
 * pointing nowhere, so nothing may use the application's own pool), B by the {@code krr.datasource.*}
 * settings plus {@code server-config/postgresql-batch.asadmin} (the job repository only). The
 * scheduled reconciliation runs on exactly one of them; a run's status is visible from either; a
 * second start anywhere answers 409; killing the instance that runs a job lets a restart from the
 * other one finish it. Runs in the PostgreSQL pass of CI only.
 */
class ClusterIT {

    private static final String SERVER_POOL_ROLE = "krr_it_server_pool";
    private static final int SERVER_POOL_MIN = 5;
    private static final int SERVER_POOL_MAX = 7;

    private long maxServerPoolConnections;

    @Test
    void twoInstancesShareRunsAndOneFinishesWhatTheOtherLeft() throws Exception {
        try (ProcessNodes nodes = new ProcessNodes("cluster")) {
            assertTrue(nodes.onPostgres(), "the cluster test needs -Dkrr.it.postgres");
            List<String> local = DemoData.lines(3000, Clock.systemUTC()).toList();
            SandboxUpstream.Result upstream = SandboxUpstream.variant(local, 11);
            nodes.world.register().putAll(upstream.lines().stream());

            // the nightly schedule, moved to a minute from now: both instances schedule it
            ZonedDateTime at = ZonedDateTime.now(ZoneId.of("Europe/Oslo")).plusSeconds(75).withNano(0);
            String cron = at.getSecond() + " " + at.getMinute() + " " + at.getHour() + " * * *";
            Map<String, String> settings = Map.of("krr.reconcile.batch-size", "100",
                    "krr.reconcile.schedule", cron, "krr.reconcile.mode", "VERIFY");
            String cluster = "krr-it-" + UUID.randomUUID().toString().substring(0, 8);
            int portA = LocalService.freePort();
            int portB = LocalService.freePort();
            String members = "tcpip:127.0.0.1:" + portA + ",127.0.0.1:" + portB;
            TestDatabases.execute(nodes.postgresUrl, "do $$ begin if not exists (select from pg_roles where rolname = '"
                    + SERVER_POOL_ROLE + "') then create role " + SERVER_POOL_ROLE + " login superuser; end if; end $$");
            Map<String, String> settingsA = new HashMap<>(settings);
            settingsA.put("krr.datasource.url", "jdbc:postgresql://127.0.0.1:1/the-application-pool-must-stay-unused");
            Map<String, String> envA = new HashMap<>(postBootEnvironment(nodes.postgresUrl, SERVER_POOL_ROLE));
            envA.put("KRR_DATASOURCE_POOL_MIN", Integer.toString(SERVER_POOL_MIN));
            envA.put("KRR_DATASOURCE_POOL_MAX", Integer.toString(SERVER_POOL_MAX));
            LocalService a = nodes.start("a", settingsA, clusterOptions(cluster, "a", members, portA, "postgresql.asadmin"), envA);
            LocalService b = nodes.start("b", settings, clusterOptions(cluster, "b", members, portB, "postgresql-batch.asadmin"),
                    postBootEnvironment(nodes.postgresUrl, TestDatabases.USER));
            awaitLog(a.log(), "DG Size: 2", Duration.ofSeconds(60));
            assertTrue(serverPoolConnections(nodes.postgresUrl) >= SERVER_POOL_MIN,
                    "A's server-level pool does not keep KRR_DATASOURCE_POOL_MIN connections open");

            AdminClient adminA = new AdminClient(a.baseUrl(), a.adminToken());
            AdminClient adminB = new AdminClient(b.baseUrl(), a.adminToken());
            assertEquals("COMPLETED", adminA.importAndWait(String.join("\n", local)).getString("status"));
            serverPoolConnections(nodes.postgresUrl);

            // the scheduled run: exactly one instance starts it
            nodes.world.register().latency(Duration.ofMillis(100));
            long deadline = System.currentTimeMillis() + Duration.ofMinutes(3).toMillis();
            while (endedRuns(nodes.postgresUrl) < 1 && System.currentTimeMillis() < deadline) {
                serverPoolConnections(nodes.postgresUrl);
                AdminClient.sleep(500);
            }
            AdminClient.sleep(2000);
            assertEquals(1, runs(nodes.postgresUrl), "the scheduled run ran more than once, or not at all");
            assertEquals(1, endedRuns(nodes.postgresUrl));
            String logs = Files.readString(a.log()) + Files.readString(b.log());
            assertTrue(logs.contains("started as execution"), "no instance started the scheduled run");

            // a RECONCILE started on A, seen from B, refused on B, A killed, finished from B
            nodes.world.register().latency(Duration.ofMillis(400));
            Response started = given().baseUri(a.baseUrl()).auth().oauth2(adminA.adminToken()).contentType("application/json")
                    .body("{\"mode\":\"RECONCILE\"}").post("/admin/v1/reconciliations");
            started.then().statusCode(202);
            String location = started.getHeader("Location");
            long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
            JsonPath fromB = adminB.status(location);
            assertEquals("reconcile-persons", fromB.getString("job"));
            assertEquals("RECONCILE", fromB.getString("mode"));
            given().baseUri(b.baseUrl()).auth().oauth2(adminB.adminToken()).contentType("application/json")
                    .body("{\"mode\":\"VERIFY\"}").post("/admin/v1/reconciliations").then().statusCode(409);
            deadline = System.currentTimeMillis() + 120_000;
            while (CrashRecoveryIT.checked(adminB.status(location)) < 400 && System.currentTimeMillis() < deadline) {
                serverPoolConnections(nodes.postgresUrl);
                AdminClient.sleep(100);
            }
            a.kill();

            nodes.world.register().latency(Duration.ZERO);
            Response restarted = null;
            for (int attempt = 0; attempt < 60; attempt++) {
                restarted = given().baseUri(b.baseUrl()).auth().oauth2(adminB.adminToken())
                        .post("/admin/v1/jobs/" + id + "/restart");
                if (restarted.statusCode() != 409) {
                    break;
                }
                AdminClient.sleep(500);
            }
            restarted.then().statusCode(202);
            JsonPath done = adminB.awaitEnd(restarted.getHeader("Location"));
            assertEquals("COMPLETED", done.getString("status"), done.prettify());
            assertEquals(local.size(), done.getLong("counts.checked"), done.prettify());
            upstream.expectedKinds().forEach((kind, count) ->
                    assertEquals(count.longValue(), done.getLong("counts." + kind), kind));
            assertTrue(maxServerPoolConnections <= SERVER_POOL_MAX,
                    "A's server-level pool opened " + maxServerPoolConnections + " connections, more than KRR_DATASOURCE_POOL_MAX");
        }
    }

    /** Connections of A's server-level pool now (its own role tells them from B's). */
    private long serverPoolConnections(String url) throws Exception {
        long now = TestDatabases.number(url, "select count(*) from pg_stat_activity where usename = '" + SERVER_POOL_ROLE + "'");
        maxServerPoolConnections = Math.max(maxServerPoolConnections, now);
        return now;
    }

    static List<String> clusterOptions(String cluster, String name, String members, int port, String postBootFile) {
        Path driver = driverJar();
        return List.of("--clustermode", members, "--startport", Integer.toString(port), "--interfaces", "127.0.0.1",
                "--clustername", cluster, "--name", name,
                "--addlibs", driver.toString(),
                "--postbootcommandfile", Path.of("server-config", postBootFile).toAbsolutePath().toString());
    }

    /**
     * What the post-boot files read: the database of {@code url} and a role. The password must not
     * be empty (asadmin refuses an empty property); the test server trusts loopback.
     */
    static Map<String, String> postBootEnvironment(String url, String user) {
        URI uri = URI.create(url.substring("jdbc:".length()));
        return Map.of("KRR_PG_HOST", uri.getHost(), "KRR_PG_PORT", Integer.toString(uri.getPort()),
                "KRR_PG_DATABASE", uri.getPath().substring(1), "KRR_DATASOURCE_USER", user,
                "KRR_DATASOURCE_PASSWORD", "trust-auth-ignores-it");
    }

    static Path driverJar() {
        try {
            return Path.of(org.postgresql.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static long runs(String url) {
        return TestDatabases.number(url, "select count(*) from reconciliation_run");
    }

    static long endedRuns(String url) {
        return TestDatabases.number(url, "select count(*) from reconciliation_run where ended_at is not null");
    }

    static void awaitLog(Path log, String text, Duration timeout) throws Exception {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        while (System.currentTimeMillis() < deadline) {
            if (Files.readString(log).contains(text)) {
                return;
            }
            AdminClient.sleep(500);
        }
        throw new AssertionError("'" + text + "' not in " + log);
    }
}
