package no.krr.bench;

import static no.krr.bench.BenchSupport.deleteTree;
import static no.krr.bench.BenchSupport.gcFigures;
import static no.krr.bench.BenchSupport.machineBusySeconds;
import static no.krr.bench.BenchSupport.sampleHeap;
import static no.krr.bench.BenchSupport.seconds;
import static no.krr.bench.BenchSupport.threadDump;
import static no.krr.bench.BenchSupport.value;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import no.krr.bench.BenchSupport.GcFigures;
import no.krr.sandbox.LocalService;
import no.krr.sandbox.SandboxUpstream;
import no.krr.testdouble.DemoData;
import no.krr.testdouble.OutsideWorld;

/**
 * Benchmark of the reconciliation ({@code POST /admin/v1/reconciliations}, job
 * {@code reconcile-persons}) against the register and Maskinporten doubles: not a test, a program
 * that prints figures. Started by {@code bench/reconcile.sh}, which builds like {@code ./sandbox};
 * runs from the project root.
 *
 * <pre>
 * ReconcileBench [--persons 100000,1000000] [--mode RECONCILE] [--jvm-option OPT]... [--thread-dumps S] [--jfr]
 *                [--postgres [--postgres-params reWriteBatchedInserts=true]]
 * </pre>
 *
 * With {@code --postgres} the service stores in PostgreSQL instead of the embedded H2: the server
 * named by the environment variable {@code KRR_PG_URL} ({@code jdbc:postgresql://host:port/}, user
 * {@code postgres}, trust auth, default settings; {@code bench/reconcile.sh --postgres}
 * starts a throwaway one with {@code .ci/postgres.sh}), database {@code krr_bench}, dropped and
 * created again for each size. {@code --postgres-params} is appended to the JDBC URL as its query.
 *
 * For each size, with nothing shared between sizes:
 * <ol>
 * <li>generates the published test persons plus N synthetic ones ({@link DemoData}, fixed seed) and
 *     writes them to {@code target/bench-data/reconcile-N/persons.ndjson};
 * <li>starts the outside-world double (in this JVM: it shares the machine's cores with the
 *     service) and Payara Micro through {@link LocalService} on free ports, with a fresh data
 *     directory, {@code -Xmx512m -XX:+UseG1GC}, a GC log, the schedule off, 4 partitions and
 *     1000 ids per call, connected to the doubles' Maskinporten and register;
 * <li>while Payara boots, loads the same persons into the register double with a few hundred
 *     differences planted by {@link SandboxUpstream} (seeded);
 * <li>imports the file through the import job (timed, POST to COMPLETED);
 * <li>times one RECONCILE run from POST to the poll (every 250 ms) that sees COMPLETED, sampling
 *     {@code memory_usedHeap_bytes} of {@code /metrics} every 250 ms, and reads the GC log, the
 *     CPU time of the server and of this JVM (the double), the doubles' statistics, the report;
 * <li>stops Payara and the double.
 * </ol>
 * Then prints a Markdown table. Exit 1 when a run found other discrepancies than the planted ones.
 */
public final class ReconcileBench {

    private static final Path ROOT = Path.of("target/bench-data");
    private static final Duration POLL_EVERY = Duration.ofMillis(250);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(60);
    private static final List<String> PAYARA_JVM = List.of("-Xmx512m", "-XX:+UseG1GC");
    private static final long UPSTREAM_SEED = 2026L;
    /** A few hundred differences: 100 upstream newer, 50 local newer, 50 varslingsstatus, 25 SLETTET, 25 unknown. */
    private static final SandboxUpstream.Plan PLAN = SandboxUpstream.Plan.of(100, 50, 50, 25, 25);

    private List<Integer> sizes = List.of(100_000, 1_000_000);
    private String mode = "RECONCILE";
    private int threadDumpSeconds;
    private boolean jfr;
    /** {@code jdbc:postgresql://host:port/} of the server, or null for the embedded H2. */
    private String postgres;
    private String postgresParams = "";
    private final List<String> extraJvmOptions = new ArrayList<>();

    record Result(int persons, long lines, double mb, Duration generation, Duration load, Duration startup,
                  Duration importWall, Duration reconcileWall, Duration job, JsonObject counts,
                  int calls, int maxIds, long idsServed, int faults, int unauthorized, int grants,
                  Map<String, Integer> expected, Duration serverCpu, Duration benchCpu, long metricsPeakBytes,
                  long gcPeakMb, int gcPauses, double gcPauseMs, long importGcPeakMb, double otherCpu,
                  Duration importServerCpu, double importDbCpu, double dbCpu, long dbBytes) {

        double perSecond() {
            return lines / seconds(reconcileWall);
        }

        long count(String name) {
            JsonNumber n = counts.getJsonNumber(name);
            return n == null ? -1 : n.longValue();
        }
    }

    public static void main(String[] args) throws Exception {
        ReconcileBench bench = new ReconcileBench();
        bench.parse(args);
        BenchSupport.runAndExit(bench::run);
    }

    private void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--persons" -> sizes = Arrays.stream(value(args, ++i, arg).split(","))
                        .map(s -> Integer.parseInt(s.trim().replace("_", ""))).toList();
                case "--mode" -> mode = value(args, ++i, arg).toUpperCase(Locale.ROOT);
                case "--jvm-option" -> extraJvmOptions.add(value(args, ++i, arg));
                case "--thread-dumps" -> threadDumpSeconds = Integer.parseInt(value(args, ++i, arg));
                case "--jfr" -> jfr = true;
                case "--postgres" -> postgres = BenchSupport.postgresServer();
                case "--postgres-params" -> postgresParams = value(args, ++i, arg);
                case "-h", "--help" -> {
                    System.out.println("usage: bench/reconcile.sh [--persons 100000,1000000] [--mode RECONCILE|VERIFY]"
                            + " [--jvm-option OPTION]... [--thread-dumps SECONDS] [--jfr]"
                            + " [--postgres [--postgres-params reWriteBatchedInserts=true]]");
                    System.exit(0);
                }
                default -> {
                    System.err.println("unknown option " + arg + " (try --help)");
                    System.exit(2);
                }
            }
        }
        if (sizes.isEmpty() || sizes.stream().anyMatch(n -> n < 0) || !List.of("RECONCILE", "VERIFY").contains(mode)) {
            System.err.println("--persons takes sizes >= 0, --mode RECONCILE or VERIFY");
            System.exit(2);
        }
    }

    private int run() throws Exception {
        Optional<Path> missing = LocalService.missingBuildOutput();
        if (missing.isPresent()) {
            System.err.println(missing.get() + " is missing: run bench/reconcile.sh (it builds both)");
            return 1;
        }
        List<Result> results = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int persons : sizes) {
            Result r = once(persons);
            results.add(r);
            problems.addAll(check(r));
        }
        printReport(results, problems);
        return problems.isEmpty() ? 0 : 1;
    }

    private Result once(int persons) throws Exception {
        Path dir = ROOT.resolve("reconcile-" + persons);
        deleteTree(dir);
        Files.createDirectories(dir);
        System.out.printf(Locale.ROOT, "%n=== %,d synthetic persons, %s ===%n", persons, mode);

        long t = System.nanoTime();
        List<String> lines = DemoData.lines(persons, Clock.systemUTC()).toList();
        Path file = dir.resolve("persons.ndjson");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (String line : lines) {
                out.write(line);
                out.write('\n');
            }
        }
        SandboxUpstream.Result upstream = SandboxUpstream.variant(lines, PLAN, UPSTREAM_SEED);
        Duration generation = Duration.ofNanos(System.nanoTime() - t);
        double mb = Files.size(file) / 1e6;
        System.out.printf(Locale.ROOT, "generated %,d persons, %.1f MB, and the upstream copy (planted: %s) in %.1f s%n",
                lines.size(), mb, upstream.describe(), seconds(generation));

        Path gcLog = dir.resolve("gc.log");
        List<String> jvm = new ArrayList<>(PAYARA_JVM);
        jvm.add("-Xlog:gc:file=" + gcLog + ":uptime");
        jvm.addAll(extraJvmOptions);
        LocalService service = new LocalService(0, LocalService.freePort(), dir.resolve("krr"), dir.resolve("payara.log"), jvm);
        Thread hook = new Thread(service::stop, "bench-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            OutsideWorld world = service.startDouble();
            service.connectUpstream(ROOT.resolve("maskinporten-client"), "krr-bench");
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("krr.reconcile.partitions", "4");
            settings.put("krr.reconcile.batch-size", "1000");
            if (postgres != null) {
                settings.put("krr.datasource.url", freshPostgresDatabase());
                settings.put("krr.datasource.user", PG_USER);
                settings.put("krr.datasource.password", "");
            }
            service.settings(settings);
            Process payara = service.startPayara();
            System.out.println("Payara Micro on " + service.baseUrl() + " (pid " + payara.pid() + ", JVM " + jvm
                    + "), double on " + world.baseUrl() + " (this JVM), log " + service.log()
                    + (postgres == null ? ", embedded H2" : ", " + settings.get("krr.datasource.url")));

            // the register double fills while Payara boots
            long l0 = System.nanoTime();
            CompletableFuture<Duration> loaded = CompletableFuture.supplyAsync(() -> {
                upstream.lines().parallelStream().forEach(world.register()::put);
                return Duration.ofNanos(System.nanoTime() - l0);
            });
            Duration startup = service.awaitReady(READY_TIMEOUT);
            Duration load = loaded.join();
            System.out.printf(Locale.ROOT, "ready after %.1f s; register double holds %,d persons (loaded in %.1f s)%n",
                    seconds(startup), world.register().size(), seconds(load));
            lines = null; // the double holds its own references now

            long gcOffset0 = Files.exists(gcLog) ? Files.size(gcLog) : 0;
            Duration importCpuBefore = payara.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
            double importDbBefore = BenchSupport.postgresCpuSeconds(postgres);
            long i0 = System.nanoTime();
            JsonObject imported = service.importNdjson(HttpRequest.BodyPublishers.ofFile(file), POLL_EVERY, JOB_TIMEOUT,
                    job -> System.out.printf(Locale.ROOT, "import: 202 after %.1f s, %s%n", (System.nanoTime() - i0) / 1e9, job.getPath()),
                    progress(i0));
            Duration importWall = Duration.ofNanos(System.nanoTime() - i0);
            Duration importCpu = payara.toHandle().info().totalCpuDuration().orElse(Duration.ZERO).minus(importCpuBefore);
            double importDbCpu = BenchSupport.postgresCpuSeconds(postgres) - importDbBefore;
            long importGcPeak = gcFigures(gcLog, gcOffset0).peakMb();
            System.out.printf(Locale.ROOT, "import COMPLETED in %.1f s (server CPU %.1f s%s), counts %s%n", seconds(importWall),
                    seconds(importCpu), postgres == null ? "" : String.format(Locale.ROOT, ", PostgreSQL CPU %.1f s", importDbCpu),
                    imported.get("counts"));
            System.gc(); // the bench JVM's garbage from loading and uploading is not the run's

            world.register().reset();
            world.maskinporten().reset();
            return reconcile(service, world, persons, readCount(imported), mb, generation, load, startup, importWall,
                    upstream, gcLog, dir, importGcPeak, importCpu, importDbCpu);
        } finally {
            service.stop();
            Runtime.getRuntime().removeShutdownHook(hook);
        }
    }

    private static long readCount(JsonObject importReport) {
        JsonNumber read = importReport.getJsonObject("counts").getJsonNumber("read");
        return read == null ? -1 : read.longValue();
    }

    private Result reconcile(LocalService service, OutsideWorld world, int persons, long lines, double mb,
                             Duration generation, Duration load, Duration startup, Duration importWall,
                             SandboxUpstream.Result upstream, Path gcLog, Path dir, long importGcPeak,
                             Duration importCpu, double importDbCpu) throws Exception {
        ProcessHandle payara = service.payara().toHandle();
        Duration cpuBefore = payara.info().totalCpuDuration().orElse(Duration.ZERO);
        double dbBefore = BenchSupport.postgresCpuSeconds(postgres);
        Duration ownCpuBefore = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
        double machineBefore = machineBusySeconds();
        long gcOffset = Files.exists(gcLog) ? Files.size(gcLog) : 0;

        AtomicLong peak = new AtomicLong(-1);
        AtomicInteger dumps = new AtomicInteger();
        ScheduledExecutorService sampler = Executors.newScheduledThreadPool(2);
        sampler.scheduleAtFixedRate(() -> sampleHeap(service).ifPresent(bytes -> peak.accumulateAndGet(bytes, Math::max)),
                0, POLL_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        if (threadDumpSeconds > 0) {
            long self = ProcessHandle.current().pid();
            sampler.scheduleAtFixedRate(() -> {
                int n = dumps.incrementAndGet();
                threadDump(payara.pid(), dir.resolve("threads-payara-" + n + ".txt"));
                threadDump(self, dir.resolve("threads-bench-" + n + ".txt"));
            }, threadDumpSeconds, threadDumpSeconds, TimeUnit.SECONDS);
        }
        JsonObject report;
        Duration wall;
        jdk.jfr.Recording benchRecording = null;
        if (jfr) {
            // the run only: Payara through jcmd, the doubles (this JVM) through the JFR API
            jcmd(payara.pid(), "JFR.start", "name=reconcile", "settings=profile");
            benchRecording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
            benchRecording.start();
        }
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> started = service.http().send(
                    HttpRequest.newBuilder(URI.create(service.baseUrl() + "/admin/v1/reconciliations"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + service.adminToken())
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"mode\":\"" + mode + "\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String location = started.headers().firstValue("Location").orElse(null);
            if (started.statusCode() != 202 || location == null) {
                throw new LocalService.Failure("reconciliation not accepted: HTTP " + started.statusCode() + " " + started.body());
            }
            URI run = URI.create(service.baseUrl() + "/").resolve(location);
            System.out.println(mode + ": 202, " + run.getPath());
            report = service.awaitJob(run, POLL_EVERY, JOB_TIMEOUT, progress(t0));
            wall = Duration.ofNanos(System.nanoTime() - t0);
        } finally {
            sampler.shutdownNow();
            sampler.awaitTermination(10, TimeUnit.SECONDS);
            if (benchRecording != null) {
                Path server = dir.resolve("payara-reconcile.jfr").toAbsolutePath();
                jcmd(payara.pid(), "JFR.stop", "name=reconcile", "filename=" + server);
                benchRecording.stop();
                benchRecording.dump(dir.resolve("bench-reconcile.jfr"));
                benchRecording.close();
                System.out.println("JFR of the run: " + server + " (Payara), " + dir.resolve("bench-reconcile.jfr") + " (doubles)");
            }
        }
        Duration cpu = payara.info().totalCpuDuration().orElse(Duration.ZERO).minus(cpuBefore);
        Duration ownCpu = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).minus(ownCpuBefore);
        double dbCpu = postgres == null ? 0 : BenchSupport.postgresCpuSeconds(postgres) - dbBefore;
        double machine = machineBusySeconds();
        double otherCpu = machine < 0 || machineBefore < 0 ? Double.NaN
                : Math.max(0, machine - machineBefore - seconds(cpu) - seconds(ownCpu) - dbCpu);
        sampleHeap(service).ifPresent(bytes -> peak.accumulateAndGet(bytes, Math::max));
        Duration job = Duration.between(OffsetDateTime.parse(report.getString("startedAt")),
                OffsetDateTime.parse(report.getString("endedAt")));
        GcFigures gc = gcFigures(gcLog, gcOffset);
        System.out.printf(Locale.ROOT, "%s COMPLETED: wall %.1f s, job %.1f s, %,.0f persons/s, counts %s%n",
                mode, seconds(wall), seconds(job), lines / seconds(wall), report.get("counts"));
        return new Result(persons, lines, mb, generation, load, startup, importWall, wall, job,
                report.getJsonObject("counts"), world.register().calls(), world.register().maxIdsPerCall(),
                world.register().idsServed(), world.register().faults(), world.register().unauthorized(),
                world.maskinporten().grants(), upstream.expectedKinds(), cpu, ownCpu, peak.get(), gc.peakMb(), gc.pauses(),
                gc.pauseMs(), importGcPeak, otherCpu, importCpu, importDbCpu, dbCpu, postgresDatabaseBytes());
    }

    // ---- PostgreSQL ------------------------------------------------------------------------

    private static final String PG_USER = "postgres";
    private static final String PG_DATABASE = "krr_bench";

    private String freshPostgresDatabase() throws LocalService.Failure {
        return BenchSupport.freshPostgresDatabase(postgres, PG_DATABASE, postgresParams);
    }

    private long postgresDatabaseBytes() {
        if (postgres == null) {
            return -1;
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(postgres + PG_DATABASE, PG_USER, "");
             java.sql.Statement s = c.createStatement();
             java.sql.ResultSet r = s.executeQuery("select pg_database_size(current_database())")) {
            return r.next() ? r.getLong(1) : -1;
        } catch (java.sql.SQLException e) {
            return -1;
        }
    }

    private static java.util.function.Consumer<JsonObject> progress(long t0) {
        long[] last = {t0};
        return state -> {
            long now = System.nanoTime();
            if (now - last[0] >= TimeUnit.SECONDS.toNanos(10)) {
                last[0] = now;
                System.out.printf(Locale.ROOT, "  %5.1f s %s %s%n", (now - t0) / 1e9, state.getString("status", "?"),
                        state.get("progress"));
            }
        };
    }

    private List<String> check(Result r) {
        List<String> problems = new ArrayList<>();
        String at = String.format(Locale.ROOT, "%,d persons: ", r.persons());
        if (r.count("checked") != r.lines()) {
            problems.add(at + "checked " + r.count("checked") + " of " + r.lines());
        }
        int planted = r.expected().values().stream().mapToInt(Integer::intValue).sum();
        if (r.count("discrepancies") != planted) {
            problems.add(at + "found " + r.count("discrepancies") + " discrepancies, planted " + planted);
        }
        r.expected().forEach((kind, n) -> {
            if (r.count(kind) != n) {
                problems.add(at + kind + " " + r.count(kind) + ", planted " + n);
            }
        });
        if (r.count("upstreamErrors") > 0) {
            problems.add(at + r.count("upstreamErrors") + " upstream errors");
        }
        long correctable = planted - r.expected().getOrDefault("SPRAAK_LOCAL_NEWER", 0);
        if (mode.equals("RECONCILE") && r.count("corrected") != correctable) {
            problems.add(at + "corrected " + r.count("corrected") + ", expected " + correctable);
        }
        return problems;
    }

    private void printReport(List<Result> results, List<String> problems) {
        String java = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        System.out.println();
        System.out.printf(Locale.ROOT, "Reconcile benchmark (%s), %s: %d cores (availableProcessors), %s %s, %s; Payara Micro JVM %s;"
                        + " 4 partitions, 1000 ids per call; the doubles run in the bench JVM (max heap %d MB); database: %s%n",
                mode, LocalDate.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.arch"), java, String.join(" ", PAYARA_JVM), Runtime.getRuntime().maxMemory() / 1048576,
                postgres == null ? "embedded H2 (file)"
                        : "PostgreSQL " + postgres + PG_DATABASE + (postgresParams.isBlank() ? "" : "?" + postgresParams)
                        + " on the same machine");
        System.out.println();
        System.out.println("| persons | import POST→COMPLETED (s) | " + mode + " POST→COMPLETED (s) | job (s) | persons/s "
                + "| upstream calls | ids/call max | Maskinporten grants | discrepancies found / planted | corrected "
                + "| server CPU (s) | bench+double CPU (s) | peak heap, /metrics (MB) | peak heap, GC log (MB) | GC pauses (n, ms) "
                + (postgres == null ? "" : "| PostgreSQL CPU (s) ") + "| other processes' CPU (s) |");
        System.out.println("|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|" + (postgres == null ? "" : "--:|") + "--:|");
        for (Result r : results) {
            int planted = r.expected().values().stream().mapToInt(Integer::intValue).sum();
            System.out.printf(Locale.ROOT, "| %,d | %.1f | %.1f | %.1f | %,.0f | %,d | %,d | %d | %,d / %,d | %,d | %.1f | %.1f | %s | %s | %d, %.0f | %s%.1f |%n",
                    r.lines(), seconds(r.importWall()), seconds(r.reconcileWall()), seconds(r.job()), r.perSecond(),
                    r.calls(), r.maxIds(), r.grants(), r.count("discrepancies"), planted, r.count("corrected"),
                    seconds(r.serverCpu()), seconds(r.benchCpu()),
                    r.metricsPeakBytes() < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f", r.metricsPeakBytes() / 1048576.0),
                    r.gcPeakMb() < 0 ? "n/a" : String.valueOf(r.gcPeakMb()), r.gcPauses(), r.gcPauseMs(),
                    postgres == null ? "" : String.format(Locale.ROOT, "%.1f | ", r.dbCpu()), r.otherCpu());
        }
        System.out.println();
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "%,d persons: %.0f MB NDJSON, generated in %.1f s, register double loaded in %.1f s, "
                            + "Payara ready after %.1f s, import %,.0f persons/s (peak heap during the import %d MB, GC log); "
                            + "import CPU: server %.1f s%s; ids served %,d, register faults %d, 401s %d; counts %s%n",
                    r.lines(), r.mb(), seconds(r.generation()), seconds(r.load()), seconds(r.startup()),
                    r.lines() / seconds(r.importWall()), r.importGcPeakMb(), seconds(r.importServerCpu()),
                    postgres == null ? "" : String.format(Locale.ROOT, ", PostgreSQL %.1f s; database size after the run %.0f MB",
                            r.importDbCpu(), r.dbBytes() / 1e6),
                    r.idsServed(), r.faults(), r.unauthorized(), r.counts());
        }
        if (problems.isEmpty()) {
            System.out.println("checks: every person checked, discrepancies exactly as planted per kind, no upstream errors"
                    + (mode.equals("RECONCILE") ? ", all but SPRAAK_LOCAL_NEWER corrected" : ""));
        } else {
            problems.forEach(p -> System.out.println("CHECK FAILED: " + p));
        }
    }

    // ---- measuring (as in ImportBench) ------------------------------------------------------

    private static void jcmd(long pid, String... command) {
        List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid)));
        args.addAll(List.of(command));
        try {
            Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                System.err.println("  jcmd " + String.join(" ", command) + " failed: " + out);
            }
        } catch (IOException e) {
            System.err.println("  jcmd failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
