package no.krr.sandbox;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.Map;
import java.util.stream.Stream;
import no.krr.signing.Keytool;
import no.krr.testdouble.MaskinportenClient;
import no.krr.testdouble.OutsideWorld;

/**
 * The service on Payara Micro with the outside-world double in front of it, run from the project
 * root: what {@link Sandbox} and {@code no.krr.bench.ImportBench} share.
 *
 * <p>{@link #startDouble()} starts {@link OutsideWorld}; {@link #startPayara()} starts
 * {@code target/payara-micro.jar} as a child process (the same {@code java} binary as this one)
 * deploying {@code target/krr-person.war} at {@code /}, with MP-JWT pointed at the double, the data
 * under the given directory and its output in the given log; {@link #awaitReady(Duration)} waits
 * for {@code /health/ready}; {@link #importNdjson} uploads NDJSON through {@code POST /admin/v1/imports}
 * with an admin token and polls {@code GET /admin/v1/jobs/{id}} until the job ends. Problems the
 * user has to see (Payara exited, an import failed) are thrown as {@link Failure} with a message
 * meant for printing.
 */
public final class LocalService implements AutoCloseable {

    public static final Path PAYARA_JAR = Path.of("target/payara-micro.jar");
    public static final Path WAR = Path.of("target/krr-person.war");

    /**
     * JVM options every local launch gets, as the README's deployment command has them: name the
     * JSON provider, or Payara's MP-JWT and MP Health search the class path for one on every
     * request (docs/design.md, "Payara Micro tuning").
     */
    public static final List<String> TUNED_JVM = List.of("-Djakarta.json.provider=org.eclipse.parsson.JsonProviderImpl");

    /** Payara Micro options every local launch gets: about 8 request threads per core (the same note). */
    public static final List<String> TUNED_MICRO = List.of("--maxHttpThreads", "16");

    /** The service could not be started, or a job did not complete: the message says what and why. */
    public static final class Failure extends Exception {
        public Failure(String message) {
            super(message);
        }
    }

    private final int doublePort;
    private final int payaraPort;
    private final Path dataDir;
    private final Path log;
    private final List<String> jvmOptions;

    /** HTTP/1.1: the default h2c upgrade attempt on a POST with a body breaks on Payara's listener. */
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    /** The service's settings (MicroProfile Config keys), in the order given; a later value of a key wins. */
    private final Map<String, String> settings = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>());
    private final Map<String, String> environment = new java.util.concurrent.ConcurrentHashMap<>();
    private List<String> microOptions = List.of("--nocluster");
    private boolean configuredByEnvironment;
    private boolean ownsWorld;
    private volatile OutsideWorld world;
    private volatile Process payara;
    private String adminToken;

    /**
     * @param doublePort the double's port (0 = a free one)
     * @param payaraPort Payara Micro's HTTP port
     * @param dataDir    {@code krr.data-dir} of the service (created if missing)
     * @param log        where Payara Micro's output goes
     * @param jvmOptions extra options of Payara Micro's JVM, e.g. {@code -Xmx512m}
     */
    public LocalService(int doublePort, int payaraPort, Path dataDir, Path log, List<String> jvmOptions) {
        this.doublePort = doublePort;
        this.payaraPort = payaraPort;
        this.dataDir = dataDir;
        this.log = log;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /** The first of {@link #PAYARA_JAR} and {@link #WAR} that is not there (both are built by Maven). */
    public static Optional<Path> missingBuildOutput() {
        return List.of(PAYARA_JAR, WAR).stream().filter(p -> !Files.isRegularFile(p)).findFirst();
    }

    /** A TCP port that was free on 127.0.0.1 a moment ago. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    public OutsideWorld startDouble() {
        world = OutsideWorld.start(doublePort);
        ownsWorld = true;
        return world;
    }

    /** Uses a double someone else started (several instances of the service, one outside world). */
    public LocalService useDouble(OutsideWorld shared) {
        world = shared;
        return this;
    }

    /** Payara Micro options instead of {@code --nocluster} (clustering, post-boot files, root dir). */
    public LocalService microOptions(List<String> options) {
        microOptions = List.copyOf(options);
        return this;
    }

    /** Environment variables of the Payara Micro process started next. */
    public LocalService environment(Map<String, String> variables) {
        environment.putAll(variables);
        return this;
    }

    /**
     * Passes the service's settings (the ID-porten and admin issuers, the data directory, those of
     * {@link #settings}) as environment variables ({@code KRR_DATA_DIR}, MicroProfile Config's
     * mapping) instead of {@code -D} system properties: the README's deployment command configures
     * the service that way, and an operator's server is what the API bench means to measure.
     */
    public LocalService configuredByEnvironment() {
        configuredByEnvironment = true;
        return this;
    }

    /** MicroProfile Config's environment variable name of a key: {@code krr.data-dir} is {@code KRR_DATA_DIR}. */
    static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }

    /** Kills Payara Micro at once (no shutdown), as a crash would. */
    public void kill() throws InterruptedException {
        Process p = payara;
        if (p != null) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Starts Payara Micro as a child process; {@link #startDouble()} must have run. */
    public Process startPayara() throws IOException {
        Files.createDirectories(dataDir);
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(TUNED_JVM);
        command.addAll(jvmOptions);
        Map<String, String> config = new java.util.LinkedHashMap<>();
        config.put("mp.jwt.verify.issuer", world.idportenIssuer());
        config.put("mp.jwt.verify.publickey.location", world.idportenJwksUrl());
        config.put("krr.admin.issuer", world.agencyIssuer());
        config.put("krr.admin.jwks", world.agencyJwksUrl());
        config.put("krr.data-dir", dataDir.toString());
        // the console's cookies travel over the sandbox's plain HTTP
        config.put("krr.console.secure-cookie", "false");
        // no nightly reconciliation against the real register from a local run
        config.put("krr.reconcile.schedule", "off");
        // settings known once the double runs (upstream, Maskinporten): last, so they win
        synchronized (settings) {
            config.putAll(settings);
        }
        Map<String, String> configEnvironment = new java.util.LinkedHashMap<>();
        config.forEach((key, value) -> {
            if (configuredByEnvironment) {
                configEnvironment.put(environmentName(key), value);
            } else {
                command.add("-D" + key + "=" + value);
            }
        });
        command.addAll(List.of(
                "-jar", PAYARA_JAR.toString(),
                "--deploy", WAR.toString(),
                "--contextroot", "/",
                "--port", String.valueOf(payaraPort)));
        command.addAll(TUNED_MICRO);
        command.addAll(microOptions);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(configEnvironment);
        builder.environment().putAll(environment);
        payara = builder
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return payara;
    }

    /**
     * Adds settings of the service started next, after the defaults (so they win): system
     * properties ({@code -Dkey=value}), or environment variables after
     * {@link #configuredByEnvironment()}; for settings known only once the double runs.
     */
    public LocalService settings(Map<String, String> properties) {
        settings.putAll(properties);
        return this;
    }

    /**
     * Points the service at the double's Maskinporten and upstream register: the client keystore
     * {@code <dir>/<clientId>.p12} (made with keytool the first time, made again when its
     * certificates expire within a day, otherwise reused), trusted by the double, and its
     * {@code krr.upstream.url} and {@code krr.maskinporten.*} settings. Call after
     * {@link #startDouble()}, before {@link #startPayara()}.
     */
    public MaskinportenClient connectUpstream(Path clientDir, String clientId) throws IOException {
        Path dir = clientDir.toAbsolutePath(); // keytool runs in dir: relative paths would resolve twice
        Path store = dir.resolve(clientId + ".p12");
        MaskinportenClient client = null;
        if (Files.isRegularFile(store)) {
            try {
                client = MaskinportenClient.load(clientId, store, Keytool.PASSWORD, MaskinportenClient.ALIAS);
                Date tomorrow = Date.from(Instant.now().plus(Duration.ofDays(1)));
                for (X509Certificate certificate : client.chain()) {
                    certificate.checkValidity(tomorrow);
                }
            } catch (RuntimeException | GeneralSecurityException e) {
                client = null;
            }
        }
        if (client == null) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> old = Files.list(dir)) {
                    for (Path file : old.toList()) {
                        Files.delete(file);
                    }
                }
            }
            Files.createDirectories(dir);
            client = MaskinportenClient.create(dir, clientId);
        }
        client.trustIn(world);
        settings(client.config(world));
        return client;
    }

    /** Polls {@code /health/ready} every second; returns how long it took. */
    public Duration awaitReady(Duration timeout) throws InterruptedException, Failure {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        Instant started = Instant.now();
        while (Instant.now().isBefore(deadline)) {
            if (!payara.isAlive()) {
                throw new Failure("Payara Micro exited with " + payara.exitValue() + " before it was ready");
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.between(started, Instant.now());
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        throw new Failure("Payara Micro was not ready within " + timeout.toSeconds() + " s (" + baseUrl() + "/health/ready)");
    }

    /** {@code POST /admin/v1/imports}; returns the job's absolute URI (from {@code Location}). */
    public URI startImport(HttpRequest.BodyPublisher ndjson) throws IOException, InterruptedException, Failure {
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/v1/imports"))
                        .timeout(Duration.ofMinutes(2))
                        .header("Authorization", "Bearer " + adminToken())
                        .header("Content-Type", "application/x-ndjson")
                        .POST(ndjson)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String location = started.headers().firstValue("Location").orElse(null);
        if (started.statusCode() != 202 || location == null) {
            throw new Failure("import not accepted: HTTP " + started.statusCode() + " " + started.body());
        }
        return URI.create(baseUrl() + "/").resolve(location);
    }

    /**
     * Polls the job every {@code pollEvery} until it completes, handing each report to
     * {@code onPoll}; returns the final report, or throws if the job ended otherwise.
     */
    public JsonObject awaitJob(URI job, Duration pollEvery, Duration timeout, Consumer<JsonObject> onPoll)
            throws IOException, InterruptedException, Failure {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> polled = http.send(HttpRequest.newBuilder(job)
                            .timeout(Duration.ofSeconds(10))
                            .header("Authorization", "Bearer " + adminToken())
                            .header("Accept", "application/json")
                            .GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (polled.statusCode() != 200) {
                throw new Failure("GET " + job + ": HTTP " + polled.statusCode() + " " + polled.body());
            }
            JsonObject state;
            try (JsonReader reader = Json.createReader(new StringReader(polled.body()))) {
                state = reader.readObject();
            }
            onPoll.accept(state);
            String status = state.getString("status", "?");
            switch (status) {
                case "COMPLETED" -> {
                    return state;
                }
                case "FAILED", "STOPPED", "ABANDONED" -> throw new Failure("import job ended " + status + ": " + polled.body());
                default -> Thread.sleep(pollEvery.toMillis());
            }
        }
        throw new Failure("import job did not finish within " + timeout.toMinutes() + " min (" + job + ")");
    }

    /** {@link #startImport} then {@link #awaitJob}: the final report of the completed import. */
    public JsonObject importNdjson(HttpRequest.BodyPublisher ndjson, Duration pollEvery, Duration timeout,
                                  Consumer<URI> onStarted, Consumer<JsonObject> onPoll)
            throws IOException, InterruptedException, Failure {
        URI job = startImport(ndjson);
        onStarted.accept(job);
        return awaitJob(job, pollEvery, timeout, onPoll);
    }

    /** An admin token from the double, valid one hour from its first use. */
    public synchronized String adminToken() {
        if (adminToken == null) {
            adminToken = world.agency().token().lifetime(Duration.ofHours(1)).mint();
        }
        return adminToken;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + payaraPort;
    }

    public HttpClient http() {
        return http;
    }

    public OutsideWorld world() {
        return world;
    }

    public Process payara() {
        return payara;
    }

    public Path log() {
        return log;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The last {@code count} lines of the Payara log, or why they cannot be read. */
    public List<String> logTail(int count) {
        return tail(log, count);
    }

    /** The last {@code count} lines of a file, or why they cannot be read. */
    public static List<String> tail(Path log, int count) {
        try {
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            return lines.subList(Math.max(0, lines.size() - count), lines.size());
        } catch (IOException | RuntimeException e) {
            return List.of("(cannot read the log: " + e.getMessage() + ")");
        }
    }

    /** Stops Payara Micro (30 s to shut down, then killed) and the double; safe to call twice. */
    public void stop() {
        Process p = payara;
        if (p != null && p.isAlive()) {
            System.err.println("stopping Payara Micro ...");
            p.destroy();
            try {
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        OutsideWorld w = world;
        if (w != null && ownsWorld) {
            w.close();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
