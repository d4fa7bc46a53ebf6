package no.krr.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import no.krr.sandbox.LocalService;

/** What the benchmarks share: reading options, the server's heap and GC log, the machine's CPU. */
final class BenchSupport {

    private BenchSupport() {
    }

    /** e.g. {@code GC(12) Pause Young (Normal) (G1 Evacuation Pause) 150M->30M(512M) 5.123ms}. */
    static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)(?:\\s+(\\d+(?:\\.\\d+)?)ms)?");
    static final Pattern USED_HEAP = Pattern.compile("^(?:base_)?memory_usedHeap_bytes(?:\\{[^}]*})?\\s+(\\S+)", Pattern.MULTILINE);

    static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            System.err.println(option + " needs a value");
            System.exit(2);
        }
        return args[i];
    }

    /** {@code base_memory_usedHeap_bytes} from {@code /metrics}, or empty if it cannot be read. */
    static Optional<Long> sampleHeap(LocalService service) {
        try {
            HttpResponse<String> metrics = service.http().send(
                    HttpRequest.newBuilder(URI.create(service.baseUrl() + "/metrics?scope=base"))
                            .timeout(Duration.ofSeconds(2))
                            .header("Accept", "text/plain")
                            .GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (metrics.statusCode() != 200) {
                return Optional.empty();
            }
            Matcher m = USED_HEAP.matcher(metrics.body());
            return m.find() ? Optional.of((long) Double.parseDouble(m.group(1))) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    record GcFigures(long peakMb, int pauses, double pauseMs) {
    }

    /** The GC log written since {@code offset}: the highest heap before a collection, pauses and their total. */
    static GcFigures gcFigures(Path gcLog, long offset) throws IOException {
        if (!Files.exists(gcLog)) {
            return new GcFigures(-1, 0, 0);
        }
        String text;
        try (RandomAccessFile in = new RandomAccessFile(gcLog.toFile(), "r")) {
            in.seek(offset);
            byte[] bytes = new byte[(int) Math.max(0, in.length() - offset)];
            in.readFully(bytes);
            text = new String(bytes, StandardCharsets.UTF_8);
        }
        long peak = -1;
        int pauses = 0;
        double pauseMs = 0;
        for (String line : text.lines().toList()) {
            Matcher m = GC_LINE.matcher(line);
            if (m.find()) {
                peak = Math.max(peak, Long.parseLong(m.group(1)));
                if (line.contains("Pause") && m.group(4) != null) {
                    pauses++;
                    pauseMs += Double.parseDouble(m.group(4));
                }
            }
        }
        return new GcFigures(peak, pauses, pauseMs);
    }

    static void threadDump(long pid, Path to) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "Thread.print")
                    .redirectErrorStream(true).redirectOutput(to.toFile()).start().waitFor(20, TimeUnit.SECONDS);
        } catch (IOException e) {
            System.err.println("  jcmd failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** CPU seconds the whole machine has been busy (all cores, from {@code /proc/stat}), or -1. */
    static double machineBusySeconds() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            // cpu user nice system idle iowait irq softirq steal ...: all but idle and iowait
            for (int i = 1; i <= Math.min(8, cpu.length - 1); i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(cpu[i]);
                }
            }
            return busy / 100.0; // USER_HZ
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static String osName() {
        return System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }

    static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * Drops and creates {@code database} on the PostgreSQL server {@code server}
     * ({@code jdbc:postgresql://host:port/}, user postgres, trust auth); returns the service's JDBC URL.
     */
    static String freshPostgresDatabase(String server, String database, String params) throws LocalService.Failure {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(server + "postgres", "postgres", "");
             java.sql.Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
            s.execute("create database " + database);
        } catch (java.sql.SQLException e) {
            throw new LocalService.Failure("PostgreSQL at " + server + ": " + e.getMessage());
        }
        return server + database + (params.isBlank() ? "" : "?" + params);
    }

    /** {@code KRR_PG_URL} ({@code jdbc:postgresql://host:port/}), for {@code --postgres}; exits when it is not set. */
    static String postgresServer() {
        String server = System.getenv("KRR_PG_URL");
        if (server == null || server.isBlank()) {
            System.err.println("--postgres needs KRR_PG_URL=jdbc:postgresql://host:port/ (the bench scripts start one)");
            System.exit(2);
        }
        return server.endsWith("/") ? server : server + "/";
    }

    /**
     * CPU time of the PostgreSQL server on this machine that {@code KRR_PG_URL} names: its postmaster
     * (found by {@code -p <port>} in its arguments, as {@code .ci/postgres.sh} starts it) and
     * every process under it (background workers, the service's connections). They share the
     * machine's cores with the server and the bench. A backend that exits between two readings
     * takes its CPU time with it, but the service's pool keeps its connections. NaN when no such
     * postmaster runs here; 0 without {@code --postgres} ({@code postgres} null).
     */
    static double postgresCpuSeconds(String postgres) {
        if (postgres == null) {
            return 0;
        }
        Matcher port = Pattern.compile("//[^/:]+:(\\d+)/").matcher(postgres);
        String p = port.find() ? port.group(1) : "5432";
        Optional<ProcessHandle> postmaster = ProcessHandle.allProcesses()
                .filter(h -> h.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .filter(h -> List.of(h.info().arguments().orElse(new String[0])).stream()
                        .collect(java.util.stream.Collectors.joining(" ")).matches(".*-p " + p + "(\\s.*)?"))
                .findFirst();
        return postmaster.map(pm -> Stream.concat(Stream.of(pm), pm.descendants())
                        .mapToDouble(h -> seconds(h.info().totalCpuDuration().orElse(Duration.ZERO))).sum())
                .orElse(Double.NaN);
    }

    /** A benchmark's run: its exit status (0 when every check passed). */
    @FunctionalInterface
    interface Run {
        int run() throws Exception;
    }

    /** Runs a benchmark and exits the JVM with its status; a {@link LocalService.Failure} is one line and status 1. */
    static void runAndExit(Run bench) throws Exception {
        int exit;
        try {
            exit = bench.run();
        } catch (LocalService.Failure e) {
            System.err.println("bench: " + e.getMessage());
            exit = 1;
        }
        System.exit(exit);
    }
}
