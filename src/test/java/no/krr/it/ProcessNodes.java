package no.krr.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.krr.sandbox.LocalService;
import no.krr.testdouble.MaskinportenClient;
import no.krr.testdouble.OutsideWorld;

/**
 * Instances of the service as real processes (not Arquillian deployments), for the tests that kill
 * one: the built WAR on Payara Micro, against one shared outside world, on the embedded database or
 * (with {@code -Dkrr.it.postgres}) on one PostgreSQL database that every instance shares.
 */
final class ProcessNodes implements AutoCloseable {

    final OutsideWorld world;
    final MaskinportenClient client;
    final Path dataDir;
    final String postgresUrl;
    private final List<LocalService> started = new ArrayList<>();
    private final Path logs;

    ProcessNodes(String name) throws IOException {
        world = OutsideWorld.start();
        client = MaskinportenClient.shared("krr-it-client").trustIn(world);
        dataDir = Files.createTempDirectory("krr-it-" + name + "-");
        logs = Path.of("target", "it-" + name);
        Files.createDirectories(logs);
        String postgres = System.getProperty("krr.it.postgres", "");
        postgresUrl = postgres.isBlank() ? "" : TestDatabases.fresh(postgres);
    }

    boolean onPostgres() {
        return !postgresUrl.isBlank();
    }

    /** Starts an instance and waits until it is ready. */
    LocalService start(String name, Map<String, String> settings, List<String> microOptions, Map<String, String> environment)
            throws Exception {
        LocalService node = launch(name, settings, microOptions, environment);
        node.awaitReady(Duration.ofMinutes(3));
        return node;
    }

    /** Payara Micro's output of the instance {@code name}. */
    Path logOf(String name) {
        return logs.resolve(name + ".log");
    }

    /** Starts an instance without waiting for it (to see one that must not come up). */
    LocalService launch(String name, Map<String, String> settings, List<String> microOptions, Map<String, String> environment)
            throws Exception {
        LocalService node = new LocalService(0, LocalService.freePort(), dataDir, logOf(name),
                List.of("-Xmx512m"));
        node.useDouble(world);
        Map<String, String> all = new HashMap<>(client.config(world));
        all.put("krr.reconcile.lock-stale-after", "PT4S");
        all.put("krr.upstream.backoff-base-ms", "50");
        if (onPostgres()) {
            all.put("krr.datasource.url", postgresUrl);
            all.put("krr.datasource.user", TestDatabases.USER);
            all.put("krr.datasource.password", "");
        }
        all.putAll(settings);
        node.settings(all).microOptions(microOptions).environment(environment);
        started.add(node);
        node.startPayara();
        return node;
    }

    /** The instance started last. */
    LocalService last() {
        return started.get(started.size() - 1);
    }

    LocalService start(String name) throws Exception {
        return start(name, Map.of(), List.of("--nocluster"), Map.of());
    }

    @Override
    public void close() {
        started.forEach(LocalService::stop);
        world.close();
    }
}
