package no.krr.bench;

import static no.krr.bench.BenchSupport.deleteTree;
import static no.krr.bench.BenchSupport.gcFigures;
import static no.krr.bench.BenchSupport.machineBusySeconds;
import static no.krr.bench.BenchSupport.osName;
import static no.krr.bench.BenchSupport.sampleHeap;
import static no.krr.bench.BenchSupport.seconds;
import static no.krr.bench.BenchSupport.threadDump;
import static no.krr.bench.BenchSupport.value;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.RandomAccessFile;
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
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.krr.bench.BenchSupport.GcFigures;
import java.util.stream.Stream;
import no.krr.sandbox.LocalService;
import no.krr.testdouble.DemoData;

/**
 * Benchmark of the bulk import ({@code POST /admin/v1/imports}, job {@code import-persons}): not a
 * test, a program that prints figures. Started by {@code bench/import.sh}, which builds like
 * {@code ./sandbox}; runs from the project root.
 *
 * <pre>
 * ImportBench [--persons 100000] [--runs 2] [--jvm-option -Dkrr.import.chunk-size=1000]... [--thread-dumps 5]
 * </pre>
 *
 * <ol>
 * <li>Writes the published test persons plus {@code --persons} synthetic ones ({@link DemoData},
 *     fixed seed) to {@code target/bench-data/persons-N.ndjson} first: generation is not import.
 * <li>Starts the double and Payara Micro through {@link LocalService} on free ports (so it runs
 *     beside a sandbox on 8080/8180), with a fresh {@code target/bench-data/krr} data directory,
 *     {@code -Xmx512m -XX:+UseG1GC} and a GC log ({@code target/bench-data/gc.log}).
 * <li>Run 1 imports the file into the empty database; every further run imports the same file
 *     again (the idempotent upsert path: {@code counts.changed} must be 0). Per run: the upload
 *     time (POST until 202), the wall time from POST to the poll (every 250 ms) that sees
 *     COMPLETED, the job's own time ({@code endedAt - startedAt}), persons/s over the wall time,
 *     the counts, the server's CPU time, and its heap: the highest
 *     {@code base_memory_usedHeap_bytes} of {@code /metrics} polled every 250 ms, and the highest
 *     heap occupancy before a collection in the GC log (the true peak, to within a collection).
 * <li>Prints a Markdown table, stops Payara and the double. Exit 1 if a check failed.
 * </ol>
 *
 * {@code --thread-dumps S} also takes {@code jcmd <pid> Thread.print} every S seconds while a run
 * imports, into {@code target/bench-data/threads-run<R>-<n>.txt}, to see where the time goes.
 */
public final class ImportBench {

    private static final Path ROOT = Path.of("target/bench-data");
    private static final Duration POLL_EVERY = Duration.ofMillis(250);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration IMPORT_TIMEOUT = Duration.ofMinutes(30);
    private static final List<String> PAYARA_JVM = List.of("-Xmx512m", "-XX:+UseG1GC");

    private int persons = 100_000;
    private int runs = 2;
    private int threadDumpSeconds;
    private final List<String> extraJvmOptions = new ArrayList<>();

    record Run(int number, long lines, Duration upload, Duration wall, Duration job, long read, long written,
               long skipped, long changed, Duration serverCpu, long metricsPeakBytes, int metricsSamples,
               long gcPeakMb, int gcPauses, double gcPauseMs, double otherCpuSeconds) {

        double perSecond() {
            return lines / seconds(wall);
        }
    }

    public static void main(String[] args) throws Exception {
        ImportBench bench = new ImportBench();
        bench.parse(args);
        int exit;
        try {
            exit = bench.run();
        } catch (LocalService.Failure e) {
            System.err.println("bench: " + e.getMessage());
            System.err.println("---- last lines of " + ROOT.resolve("payara.log") + " ----");
            LocalService.tail(ROOT.resolve("payara.log"), 60).forEach(System.err::println);
            exit = 1;
        }
        System.exit(exit);
    }

    private void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--persons" -> persons = Integer.parseInt(value(args, ++i, arg));
                case "--runs" -> runs = Integer.parseInt(value(args, ++i, arg));
                case "--jvm-option" -> extraJvmOptions.add(value(args, ++i, arg));
                case "--thread-dumps" -> threadDumpSeconds = Integer.parseInt(value(args, ++i, arg));
                case "-h", "--help" -> {
                    System.out.println("usage: bench/import.sh [--persons 100000] [--runs 2]"
                            + " [--jvm-option OPTION]... [--thread-dumps SECONDS]");
                    System.exit(0);
                }
                default -> {
                    System.err.println("unknown option " + arg + " (try --help)");
                    System.exit(2);
                }
            }
        }
        if (persons < 0 || runs < 1) {
            System.err.println("--persons must be >= 0 and --runs >= 1");
            System.exit(2);
        }
    }

    private int run() throws Exception {
        Optional<Path> missing = LocalService.missingBuildOutput();
        if (missing.isPresent()) {
            System.err.println(missing.get() + " is missing: run bench/import.sh (it builds both)");
            return 1;
        }
        deleteTree(ROOT);
        Files.createDirectories(ROOT);

        Path file = ROOT.resolve("persons-" + persons + ".ndjson");
        long genStart = System.nanoTime();
        DemoData.write(file, persons, Clock.systemUTC());
        Duration generation = Duration.ofNanos(System.nanoTime() - genStart);
        long lines;
        try (Stream<String> all = Files.lines(file)) {
            lines = all.filter(l -> !l.isBlank()).count();
        }
        System.out.printf(Locale.ROOT, "generated %,d persons (%s published + %,d synthetic), %.1f MB, in %.1f s: %s%n",
                lines, DemoData.publishedTestPersons().size(), persons, Files.size(file) / 1e6, seconds(generation), file);

        Path gcLog = ROOT.resolve("gc.log");
        List<String> jvm = new ArrayList<>(PAYARA_JVM);
        jvm.add("-Xlog:gc:file=" + gcLog + ":uptime");
        jvm.addAll(extraJvmOptions);
        int payaraPort = LocalService.freePort();
        LocalService service = new LocalService(0, payaraPort, ROOT.resolve("krr"), ROOT.resolve("payara.log"), jvm);
        Runtime.getRuntime().addShutdownHook(new Thread(service::stop, "bench-shutdown"));
        List<Run> results = new ArrayList<>();
        Duration startup;
        try {
            service.startDouble();
            Process payara = service.startPayara();
            System.out.println("Payara Micro on " + service.baseUrl() + " (pid " + payara.pid() + ", JVM " + jvm
                    + "), double on " + service.world().baseUrl() + ", log " + service.log());
            startup = service.awaitReady(READY_TIMEOUT);
            System.out.printf(Locale.ROOT, "ready after %.1f s%n", seconds(startup));
            if (sampleHeap(service).isEmpty()) {
                System.out.println("note: no base_memory_usedHeap_bytes at " + service.baseUrl()
                        + "/metrics; the heap figure comes from the GC log only");
            }
            for (int r = 1; r <= runs; r++) {
                results.add(importOnce(service, r, file, lines, gcLog));
            }
        } finally {
            service.stop();
        }

        boolean ok = printReport(results, generation, startup, file, jvm);
        return ok ? 0 : 1;
    }

    private Run importOnce(LocalService service, int number, Path file, long lines, Path gcLog) throws Exception {
        System.out.printf("run %d: POST %s (%s) ...%n", number, file,
                number == 1 ? "into the empty database" : "the same file again: nothing may change");
        ProcessHandle payara = service.payara().toHandle();
        Duration cpuBefore = payara.info().totalCpuDuration().orElse(Duration.ZERO);
        Duration ownCpuBefore = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
        double machineBusyBefore = machineBusySeconds();
        long gcOffset = Files.exists(gcLog) ? Files.size(gcLog) : 0;

        AtomicLong peak = new AtomicLong(-1);
        AtomicInteger samples = new AtomicInteger();
        AtomicInteger dumps = new AtomicInteger();
        ScheduledExecutorService sampler = Executors.newScheduledThreadPool(2);
        sampler.scheduleAtFixedRate(() -> sampleHeap(service).ifPresent(bytes -> {
            peak.accumulateAndGet(bytes, Math::max);
            samples.incrementAndGet();
        }), 0, POLL_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        if (threadDumpSeconds > 0) {
            sampler.scheduleAtFixedRate(() -> threadDump(payara.pid(),
                            ROOT.resolve("threads-run" + number + "-" + dumps.incrementAndGet() + ".txt")),
                    threadDumpSeconds, threadDumpSeconds, TimeUnit.SECONDS);
        }

        JsonObject report;
        Duration upload;
        Duration wall;
        long t0 = System.nanoTime();
        try {
            URI job = service.startImport(HttpRequest.BodyPublishers.ofFile(file));
            upload = Duration.ofNanos(System.nanoTime() - t0);
            System.out.printf(Locale.ROOT, "  202 after %.2f s, %s%n", seconds(upload), job.getPath());
            long[] lastPrinted = {t0};
            report = service.awaitJob(job, POLL_EVERY, IMPORT_TIMEOUT, state -> {
                long now = System.nanoTime();
                if (now - lastPrinted[0] >= TimeUnit.SECONDS.toNanos(10)) {
                    lastPrinted[0] = now;
                    System.out.printf(Locale.ROOT, "  %5.1f s %s %s%n", (now - t0) / 1e9,
                            state.getString("status", "?"), state.get("progress"));
                }
            });
            wall = Duration.ofNanos(System.nanoTime() - t0);
        } finally {
            sampler.shutdownNow();
            sampler.awaitTermination(10, TimeUnit.SECONDS);
        }
        Duration cpu = payara.info().totalCpuDuration().orElse(Duration.ZERO).minus(cpuBefore);
        Duration ownCpu = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).minus(ownCpuBefore);
        double machineBusy = machineBusySeconds();
        double otherCpu = machineBusy < 0 || machineBusyBefore < 0 ? Double.NaN
                : Math.max(0, machineBusy - machineBusyBefore - seconds(cpu) - seconds(ownCpu));
        sampleHeap(service).ifPresent(bytes -> peak.accumulateAndGet(bytes, Math::max));

        JsonObject counts = report.getJsonObject("counts");
        Duration jobTime = Duration.between(OffsetDateTime.parse(report.getString("startedAt")),
                OffsetDateTime.parse(report.getString("endedAt")));
        GcFigures gc = gcFigures(gcLog, gcOffset);
        Run run = new Run(number, lines, upload, wall, jobTime, count(counts, "read"), count(counts, "written"),
                count(counts, "skipped"), count(counts, "changed"), cpu, peak.get(), samples.get(),
                gc.peakMb(), gc.pauses(), gc.pauseMs(), otherCpu);
        System.out.printf(Locale.ROOT, "  COMPLETED: wall %.2f s, job %.2f s, %,.0f persons/s, counts %s%n",
                seconds(wall), seconds(jobTime), run.perSecond(), counts);
        if (otherCpu > 0.1 * seconds(wall)) {
            System.out.printf(Locale.ROOT, "  warning: other processes used %.1f s of CPU during the run: the figures suffer%n", otherCpu);
        }
        return run;
    }

    private static long count(JsonObject counts, String name) {
        JsonNumber n = counts.getJsonNumber(name);
        return n == null ? -1 : n.longValue();
    }

    private boolean printReport(List<Run> results, Duration generation, Duration startup, Path file, List<String> jvm)
            throws IOException {
        List<String> problems = new ArrayList<>();
        for (Run r : results) {
            if (r.skipped() != 0) {
                problems.add("run " + r.number() + ": " + r.skipped() + " lines skipped (expected 0)");
            }
            if (r.read() != r.lines() || r.written() != r.lines()) {
                problems.add("run " + r.number() + ": read " + r.read() + ", written " + r.written() + " of " + r.lines() + " lines");
            }
            long expectedChanged = r.number() == 1 ? r.lines() : 0;
            if (r.changed() != expectedChanged) {
                problems.add("run " + r.number() + ": changed " + r.changed() + " (expected " + expectedChanged + ")");
            }
        }
        boolean ok = problems.isEmpty();

        String java = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        System.out.println();
        System.out.printf(Locale.ROOT, "Import benchmark, %s: %d cores (availableProcessors), %s, %s on Payara Micro (JVM %s)%n",
                LocalDate.now(), Runtime.getRuntime().availableProcessors(), osName(), java, String.join(" ", jvm.subList(0, 2)));
        System.out.printf(Locale.ROOT, "file: %,d persons, %.1f MB NDJSON (generated in %.1f s, not counted); server ready after %.1f s%n",
                results.get(0).lines(), Files.size(file) / 1e6, seconds(generation), seconds(startup));
        System.out.println();
        System.out.println("| run | persons | upload (s) | POST→COMPLETED (s) | job (s) | persons/s | read | written | skipped | changed "
                + "| server CPU (s) | peak heap, /metrics (MB) | peak heap, GC log (MB) | GC pauses (n, ms) | other processes' CPU (s) |");
        System.out.println("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        for (Run r : results) {
            System.out.printf(Locale.ROOT, "| %d%s | %,d | %.2f | %.2f | %.2f | %,.0f | %,d | %,d | %,d | %,d | %.1f | %s | %s | %d, %.0f | %.1f |%n",
                    r.number(), r.number() == 1 ? " (new)" : " (again)", r.lines(), seconds(r.upload()), seconds(r.wall()),
                    seconds(r.job()), r.perSecond(), r.read(), r.written(), r.skipped(), r.changed(), seconds(r.serverCpu()),
                    r.metricsPeakBytes() < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f", r.metricsPeakBytes() / 1048576.0),
                    r.gcPeakMb() < 0 ? "n/a" : String.valueOf(r.gcPeakMb()), r.gcPauses(), r.gcPauseMs(), r.otherCpuSeconds());
        }
        long metricsPeak = results.stream().mapToLong(Run::metricsPeakBytes).max().orElse(-1);
        long gcPeak = results.stream().mapToLong(Run::gcPeakMb).max().orElse(-1);
        System.out.println();
        System.out.printf(Locale.ROOT, "server peak heap used: %s MB sampled from /metrics every 250 ms, %s MB before a GC (GC log); -Xmx512m%n",
                metricsPeak < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f", metricsPeak / 1048576.0),
                gcPeak < 0 ? "n/a" : String.valueOf(gcPeak));
        if (ok) {
            System.out.println("checks: every line read and written, none skipped; run 1 changed all, later runs changed 0");
        } else {
            problems.forEach(p -> System.out.println("CHECK FAILED: " + p));
        }
        return ok;
    }

}
