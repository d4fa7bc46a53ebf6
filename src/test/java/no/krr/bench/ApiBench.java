package no.krr.bench;

import static no.krr.bench.BenchSupport.deleteTree;
import static no.krr.bench.BenchSupport.value;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import no.krr.sandbox.LocalService;
import no.krr.testdouble.DemoData;
import no.krr.testdouble.OutsideWorld;

/**
 * Benchmark of the user API: requests per second and latency of {@code GET /rest/v1/person} (JSON
 * and JOSE) and {@code PATCH /rest/v1/person}, beside {@code /health/live} as the server's floor,
 * for each signing algorithm. Not a test: a program that prints figures. Started by
 * {@code bench/api.sh}, which builds like {@code ./sandbox}; runs from the project root.
 *
 * <pre>
 * ApiBench [--algorithms RS256,PS256,ES256] [--connections 1,16,64] [--seconds 10] [--warmup 5]
 *          [--persons 10000] [--tokens 2000] [--endpoints health,json,jose,patch] [--jvm-option OPT]...
 * </pre>
 *
 * <p>Per algorithm: a fresh Payara Micro (through {@link LocalService}, free ports,
 * {@code -Xms512m -Xmx512m -XX:+UseG1GC}, {@code -Dkrr.signing.algorithm=…} with an ephemeral key, a fresh
 * data directory under {@code target/bench-data/api}), the published and {@code --persons}
 * synthetic demo persons imported through the import job, a pool of {@code --tokens} user tokens of
 * distinct AKTIV citizens minted by the double's ID-porten (valid one hour). One request of each
 * kind is checked first (status, body, the JWS verifies with the JWKS and its payload is the JSON
 * body). Then every endpoint at every connection count: {@code wrk} with {@code bench/api.lua}
 * (a token per request, round robin) for the warm-up, then for the measured duration. The figures
 * come from the script's {@code done()} line; CPU from {@code /proc}: the server's, wrk's own
 * (client and server share the machine), and the rest of the machine's.
 */
public final class ApiBench {

    private static final Path ROOT = Path.of("target/bench-data/api");
    private static final Path LUA = Path.of("bench/api.lua");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration IMPORT_TIMEOUT = Duration.ofMinutes(10);
    /** The heap of the README's deployment command: fixed, as a growing heap made G1 collect 4 times as often. */
    private static final List<String> PAYARA_JVM = List.of("-Xms1g", "-Xmx1g");
    /** The audience the bench's tokens carry and the server requires, as the README's deployment sets one. */
    static final String AUDIENCE = "https://krr.example/person";
    private static final Pattern RESULT = Pattern.compile("(\\w+)=([0-9.]+)");
    private static final long TOKEN_SEED = 20_261_128L;
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final double TICKS = 100.0; // USER_HZ

    /** What is measured: the endpoint, how it is called. */
    enum Endpoint {
        HEALTH("health", "/health/live", "GET", "-", "GET /health/live"),
        JSON("json", "/rest/v1/person", "GET", "application/json", "GET person, JSON"),
        JOSE("jose", "/rest/v1/person", "GET", "application/jose", "GET person, JOSE"),
        PATCH("patch", "/rest/v1/person", "PATCH", "application/json", "PATCH spraak, JSON"),
        /** {@link ReferenceServer}: the floor of GET JSON, measured after the service on the same database. */
        REFERENCE("reference", "/rest/v1/person", "GET", "application/json", "GET JSON, reference server");

        final String option;
        final String path;
        final String method;
        final String accept;
        final String label;

        Endpoint(String option, String path, String method, String accept, String label) {
            this.option = option;
            this.path = path;
            this.method = method;
            this.accept = accept;
            this.label = label;
        }

        static Endpoint of(String option) {
            return Arrays.stream(values()).filter(e -> e.option.equals(option)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown endpoint " + option + " (health, json, jose, patch, reference)"));
        }
    }

    /** One measured wrk run. CPU shares are of the whole machine (all cores) over the run. */
    record Measurement(String algorithm, Endpoint endpoint, int connections, long requests, double seconds,
                       double p50ms, double p90ms, double p99ms, double maxMs, long errors, String errorDetail,
                       double serverCpu, double wrkCpu, double dbCpu, double otherCpu, int jwksFetches,
                       long tokensReused) {

        double perSecond() {
            return requests / seconds;
        }

        /** CPU µs of the server process per request (shares are of all cores over the run). */
        double serverMicros() {
            return serverCpu * seconds * CORES * 1e6 / requests;
        }

        /** CPU µs of the database server per request (PostgreSQL; 0 on the embedded H2). */
        double dbMicros() {
            return dbCpu * seconds * CORES * 1e6 / requests;
        }
    }

    private List<String> algorithms = List.of("RS256", "PS256", "ES256");
    private List<Integer> connections = List.of(1, 16, 64);
    private List<Endpoint> endpoints = List.of(Endpoint.values());
    private int seconds = 10;
    private int warmup = 5;
    /** Seconds of load, over all endpoints, before the first measurement of a server (JIT). */
    // -1: not given; 60 s on H2, 120 s with --postgres (RESULTS.md, 2026-12-04: 60,000 requests left C2 compiling there)
    private int jitWarmup = -1;
    private int persons = 10_000;
    /** {@code jdbc:postgresql://host:port/} with {@code --postgres}, or null for the embedded H2. */
    private String postgres;
    private int tokenCount = 2_000;
    private int idleWait = 600;
    private int retries = 2;
    private final List<String> extraJvmOptions = new ArrayList<>();
    /** Every request of a measured run with a token of its own (default), or {@code --tokens} tokens round robin. */
    private boolean reuseTokens;
    /** The service configured as the README's command does (environment variables), or by system properties. */
    private boolean configByProperties;
    /** Appended to the embedded H2's URL, of the service and the reference server alike (e.g. {@code ;CACHE_SIZE=65536}). */
    private String h2Options = "";
    private TokenPool tokenPool;
    /** The highest rate of a run of the person API so far (req/s), to size the fresh tokens of the next. */
    private double fastest;
    private final List<String> problems = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        ApiBench bench = new ApiBench();
        bench.parse(args);
        BenchSupport.runAndExit(bench::run);
    }

    private void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--algorithms" -> algorithms = Arrays.stream(value(args, ++i, arg).split(","))
                        .map(s -> s.trim().toUpperCase(Locale.ROOT)).toList();
                case "--connections" -> connections = Arrays.stream(value(args, ++i, arg).split(","))
                        .map(s -> Integer.parseInt(s.trim())).toList();
                case "--endpoints" -> endpoints = Arrays.stream(value(args, ++i, arg).split(","))
                        .map(s -> Endpoint.of(s.trim())).toList();
                case "--seconds" -> seconds = Integer.parseInt(value(args, ++i, arg));
                case "--warmup" -> warmup = Integer.parseInt(value(args, ++i, arg));
                case "--jit-warmup" -> jitWarmup = Integer.parseInt(value(args, ++i, arg));
                case "--persons" -> persons = Integer.parseInt(value(args, ++i, arg));
                case "--postgres" -> postgres = BenchSupport.postgresServer();
                case "--tokens" -> tokenCount = Integer.parseInt(value(args, ++i, arg));
                case "--jvm-option" -> extraJvmOptions.add(value(args, ++i, arg));
                case "--idle-wait" -> idleWait = Integer.parseInt(value(args, ++i, arg));
                case "--retries" -> retries = Integer.parseInt(value(args, ++i, arg));
                case "--reuse-tokens" -> reuseTokens = true;
                case "--h2-options" -> h2Options = value(args, ++i, arg);
                case "--config" -> configByProperties = switch (value(args, ++i, arg)) {
                    case "environment" -> false;
                    case "properties" -> true;
                    default -> throw new IllegalArgumentException("--config environment|properties");
                };
                case "-h", "--help" -> {
                    System.out.println("usage: bench/api.sh [--algorithms RS256,PS256,ES256] [--connections 1,16,64]"
                            + " [--seconds 10] [--warmup 5] [--jit-warmup 60] [--persons 10000] [--tokens 2000]"
                            + " [--endpoints health,json,jose,patch,reference] [--jvm-option OPTION]... [--idle-wait 600] [--retries 2]"
                            + " [--reuse-tokens] [--config environment|properties] [--postgres]");
                    System.exit(0);
                }
                default -> {
                    System.err.println("unknown option " + arg + " (try --help)");
                    System.exit(2);
                }
            }
        }
        if (jitWarmup == -1) {
            jitWarmup = postgres == null ? 60 : 120;
        }
        if (seconds < 1 || seconds > 600 || warmup < 0 || warmup > 600 || jitWarmup < 0 || jitWarmup > 3600
                || persons < 0 || tokenCount < 1
                || connections.isEmpty() || connections.stream().anyMatch(c -> c < 1 || c > 1024)) {
            System.err.println("--seconds 1..600, --warmup 0..600, --jit-warmup 0..3600, --persons >= 0, --tokens >= 1, --connections 1..1024");
            System.exit(2);
        }
        for (String a : algorithms) {
            if (!List.of("RS256", "PS256", "ES256").contains(a)) {
                System.err.println("unknown algorithm " + a + " (RS256, PS256, ES256)");
                System.exit(2);
            }
        }
    }

    private int run() throws Exception {
        Optional<Path> missing = LocalService.missingBuildOutput();
        if (missing.isPresent()) {
            System.err.println(missing.get() + " is missing: run bench/api.sh (it builds both)");
            return 1;
        }
        Optional<String> wrk = wrkVersion();
        if (wrk.isEmpty()) {
            System.err.println("wrk is not installed: apt-get install wrk (Debian/Ubuntu)");
            return 1;
        }
        deleteTree(ROOT);
        Files.createDirectories(ROOT);

        Path file = ROOT.resolve("persons-" + persons + ".ndjson");
        DemoData.write(file, persons, Clock.systemUTC());
        List<String> aktiv = aktivPids(file);
        long lines;
        try (Stream<String> all = Files.lines(file)) {
            lines = all.filter(l -> !l.isBlank()).count();
        }
        List<String> citizens = new ArrayList<>(aktiv);
        Collections.shuffle(citizens, new Random(TOKEN_SEED));
        // an even count, so that wrk's two threads never share a citizen (token i is citizen i mod count)
        citizens = citizens.subList(0, reuseTokens ? Math.min(tokenCount, citizens.size()) : citizens.size() & ~1);
        System.out.printf(Locale.ROOT, "demo data: %,d persons (%,d AKTIV), tokens of %,d distinct AKTIV citizens, %s; %s%n",
                lines, aktiv.size(), citizens.size(), reuseTokens ? "one each, round robin (--reuse-tokens)"
                        : "a token of its own for every request of a measured run", wrk.get());
        long totalRuns = (long) algorithms.size() * endpoints.size() * connections.size();
        System.out.printf(Locale.ROOT, "%d measurements of %d s (+%d s warm-up) each: about %.0f min in all%n",
                totalRuns, seconds, warmup, (totalRuns * (seconds + warmup + 1) + algorithms.size() * (30 + jitWarmup)) / 60.0);

        List<Measurement> results = new ArrayList<>();
        Map<String, String> startups = new LinkedHashMap<>();
        // one double for every server: the tokens are minted once, and stay valid on each
        try (OutsideWorld world = OutsideWorld.start(0)) {
            tokenPool = new TokenPool(world, citizens, ROOT);
            tokenPool.ensure(reuseTokens ? citizens.size() : Math.max(WARM_TOKENS, 0));
            for (String algorithm : algorithms) {
                benchServer(world, algorithm, file, results, startups, algorithm.equals(algorithms.get(0)));
            }
        }
        printReport(results, startups, lines, citizens.size(), wrk.get());
        return problems.isEmpty() ? 0 : 1;
    }

    /** Tokens of the warm-up runs (reused), and the first pool. */
    private static final int WARM_TOKENS = 4_000;

    private void benchServer(OutsideWorld world, String algorithm, Path file, List<Measurement> results,
                             Map<String, String> startups, boolean withReference) throws Exception {
        Path dir = ROOT.resolve(algorithm);
        Files.createDirectories(dir);
        List<String> jvm = new ArrayList<>(PAYARA_JVM);
        jvm.add("-Xlog:gc:file=" + dir.resolve("gc.log") + ":uptime");
        jvm.addAll(extraJvmOptions);
        LocalService service = new LocalService(0, LocalService.freePort(), dir.resolve("krr"), dir.resolve("payara.log"), jvm)
                .useDouble(world);
        if (!configByProperties) {
            service.configuredByEnvironment();
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("krr.signing.algorithm", algorithm);
        settings.put("mp.jwt.verify.audiences", AUDIENCE);
        if (postgres == null && !h2Options.isEmpty()) {
            settings.put("krr.datasource.url", h2Url(service.dataDir()) + ";DB_CLOSE_ON_EXIT=FALSE" + h2Options);
        }
        if (postgres != null) {
            settings.put("krr.datasource.url", BenchSupport.freshPostgresDatabase(postgres, "krr_bench_api", ""));
            settings.put("krr.datasource.user", "postgres");
            settings.put("krr.datasource.password", "");
        }
        service.settings(settings);
        Thread hook = new Thread(service::stop, "bench-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            Process payara = service.startPayara();
            System.out.println();
            System.out.println("== " + algorithm + ": Payara Micro on " + service.baseUrl() + " (pid " + payara.pid()
                    + ", JVM " + jvm + ", configured by " + (configByProperties ? "system properties" : "environment variables")
                    + "), log " + service.log());
            Duration ready;
            try {
                ready = service.awaitReady(READY_TIMEOUT);
            } catch (LocalService.Failure e) {
                System.err.println("---- last lines of " + service.log() + " ----");
                service.logTail(60).forEach(System.err::println);
                throw e;
            }
            long t0 = System.nanoTime();
            JsonObject report = service.importNdjson(HttpRequest.BodyPublishers.ofFile(file), Duration.ofMillis(250),
                    IMPORT_TIMEOUT, job -> { }, state -> { });
            double importSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "ready after %.1f s; imported %s persons in %.1f s%n",
                    ready.toMillis() / 1e3, report.getJsonObject("counts").get("written"), importSeconds);
            startups.put(algorithm, String.format(Locale.ROOT, "ready after %.1f s, %s persons imported in %.1f s",
                    ready.toMillis() / 1e3, report.getJsonObject("counts").get("written"), importSeconds));

            Path warmTokens = tokenPool.warmUpFile();
            check(service, algorithm, tokenPool.citizen(0), tokenPool.token(0));
            warmUpTheJit(service.baseUrl(), warmTokens, endpoints.stream().filter(e -> e != Endpoint.REFERENCE).toList(), jitWarmup);

            for (Endpoint endpoint : endpoints) {
                if (endpoint == Endpoint.REFERENCE) {
                    continue;
                }
                for (int c : connections) {
                    results.add(measure(service.baseUrl(), service.payara().toHandle(), algorithm, endpoint, c, warmTokens));
                }
            }
            if (withReference && endpoints.contains(Endpoint.REFERENCE)) {
                // the record as it is now: a PATCH run has changed its language since the first check
                HttpResponse<String> current = send(service.http(), service.baseUrl(), "GET", "/rest/v1/person",
                        tokenPool.token(0), "application/json", null);
                service.stop(); // the embedded H2 admits one process: the reference opens the same file once Payara is gone
                benchReference(world, service, algorithm, current, warmTokens, results);
            }
        } finally {
            service.stop();
            Runtime.getRuntime().removeShutdownHook(hook);
        }
    }

    /** The service's default H2 URL (microprofile-config.properties) for this data directory. */
    private static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("krr") + ";LOCK_TIMEOUT=10000";
    }

    /**
     * {@link ReferenceServer} on the database the service just used, with the same tokens, checked
     * to answer the very body and ETag the service answered, then measured at every connection count.
     */
    private void benchReference(OutsideWorld world, LocalService service, String algorithm, HttpResponse<String> serviceJson,
                                Path warmTokens, List<Measurement> results) throws Exception {
        int port = LocalService.freePort();
        String jdbc = postgres != null
                ? postgres + "krr_bench_api"
                : h2Url(service.dataDir()) + h2Options;
        String user = postgres != null ? "postgres" : "krr";
        String password = postgres != null ? "" : "krr";
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(PAYARA_JVM);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ReferenceServer.class.getName(),
                String.valueOf(port), world.idportenIssuer(), world.idportenJwksUrl(), AUDIENCE, jdbc, user, password));
        Path log = ROOT.resolve("reference.log");
        Process reference = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Thread hook = new Thread(reference::destroy, "reference-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            String base = "http://127.0.0.1:" + port;
            HttpResponse<String> json = null;
            for (int i = 0; i < 100 && json == null; i++) {
                try {
                    json = send(service.http(), base, "GET", "/rest/v1/person", tokenPool.token(0), "application/json", null);
                } catch (IOException notYet) {
                    Thread.sleep(200);
                }
            }
            expect(json != null && json.statusCode() == 200 && json.body().equals(serviceJson.body())
                            && json.headers().firstValue("ETag").equals(serviceJson.headers().firstValue("ETag")),
                    "reference server: GET JSON answered " + (json == null ? "nothing" : json.statusCode() + " " + abbreviate(json.body()))
                            + ", not the service's body and ETag");
            System.out.println();
            System.out.println("== reference server (pid " + reference.pid() + ", " + String.join(" ", PAYARA_JVM) + "), log " + log
                    + ": the same body and ETag as the service");
            warmUpTheJit(base, warmTokens, List.of(Endpoint.REFERENCE), Math.max(1, jitWarmup / 4));
            for (int c : connections) {
                results.add(measure(base, reference.toHandle(), algorithm, Endpoint.REFERENCE, c, warmTokens));
            }
        } finally {
            reference.destroy();
            if (!reference.waitFor(10, TimeUnit.SECONDS)) {
                reference.destroyForcibly();
            }
            Runtime.getRuntime().removeShutdownHook(hook);
        }
    }

    /**
     * Load on every endpoint in turn, {@code --jit-warmup} seconds in all at 16 connections, before
     * anything is measured: on 2 cores the JIT compiles Payara's request path for a minute or
     * more, and without this the first endpoints measured ran 1.5 to 2.2 times slower than the same
     * endpoints measured again later on the same server.
     */
    private void warmUpTheJit(String base, Path tokens, List<Endpoint> these, int total) throws Exception {
        if (total == 0 || these.isEmpty()) {
            return;
        }
        int each = Math.max(1, total / these.size());
        System.out.printf(Locale.ROOT, "JIT warm-up: %d s and at least %,d requests on each endpoint at 16 connections%n",
                each, JIT_REQUESTS);
        for (Endpoint endpoint : these) {
            long served = wrk(base + endpoint.path, endpoint, 16, each, new Tokens(tokens, 0, 0)).requests();
            // the JIT compiles after so many calls, not after so many seconds: a server starved by
            // other processes during a timed warm-up was measured half interpreted (3 to 10 times the CPU)
            for (int round = 0; served < JIT_REQUESTS && round < 30; round++) {
                served += wrk(base + endpoint.path, endpoint, 16, 5, new Tokens(tokens, 0, 0)).requests();
            }
        }
    }

    /** Requests per endpoint before the first measurement of a server, whatever the time they take. */
    private static final long JIT_REQUESTS = 60_000;

    /** One request of each kind, checked, so that the load runs hit the path they mean to. */
    private HttpResponse<String> check(LocalService service, String algorithm, String pid, String token) throws Exception {
        HttpResponse<String> health = send(service, "GET", "/health/live", null, null, null);
        expect(health.statusCode() == 200, algorithm + ": /health/live answered " + health.statusCode());
        HttpResponse<String> json = send(service, "GET", "/rest/v1/person", token, "application/json", null);
        expect(json.statusCode() == 200 && json.body().contains("\"personidentifikator\":\"" + pid + "\""),
                algorithm + ": GET JSON answered " + json.statusCode() + " " + abbreviate(json.body()));
        HttpResponse<String> jose = send(service, "GET", "/rest/v1/person", token, "application/jose", null);
        expect(jose.statusCode() == 200, algorithm + ": GET JOSE answered " + jose.statusCode() + " " + abbreviate(jose.body()));
        if (jose.statusCode() == 200) {
            JWSObject jws = JWSObject.parse(jose.body().trim());
            HttpResponse<String> jwks = send(service, "GET", "/.well-known/jwks.json", null, "application/json", null);
            JWK key = JWKSet.parse(jwks.body()).getKeyByKeyId(jws.getHeader().getKeyID());
            expect(key != null, algorithm + ": the JWS kid is not in the JWKS");
            expect(jws.getHeader().getAlgorithm().getName().equals(algorithm),
                    algorithm + ": the JWS says alg " + jws.getHeader().getAlgorithm());
            if (key != null) {
                JWSVerifier verifier = key instanceof ECKey ec ? new ECDSAVerifier(ec) : new RSASSAVerifier((RSAKey) key);
                expect(jws.verify(verifier), algorithm + ": the JWS does not verify with the JWKS key");
                expect(jws.getPayload().toString().equals(json.body()), algorithm + ": the JWS payload is not the JSON body");
            }
        }
        HttpResponse<String> patch = send(service, "PATCH", "/rest/v1/person", token, "application/json", "{\"spraak\":\"en\"}");
        expect(patch.statusCode() == 200 && patch.body().contains("\"spraak\":\"en\""),
                algorithm + ": PATCH answered " + patch.statusCode() + " " + abbreviate(patch.body()));
        System.out.println("checked: /health/live 200; GET JSON 200 with the token's pid; GET JOSE " + algorithm
                + " verifies with the JWKS and its payload is the JSON body; PATCH 200");
        // the body after the PATCH, which the reference server must answer alike
        return send(service, "GET", "/rest/v1/person", token, "application/json", null);
    }

    private void expect(boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
            System.out.println("CHECK FAILED: " + problem);
        }
    }

    private static HttpResponse<String> send(LocalService service, String method, String path, String token,
                                             String accept, String body) throws IOException, InterruptedException {
        return send(service.http(), service.baseUrl(), method, path, token, accept, body);
    }

    private static HttpResponse<String> send(java.net.http.HttpClient http, String base, String method, String path, String token,
                                             String accept, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (accept != null) {
            b.header("Accept", accept);
        }
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * {@link #measureOnce}, repeated up to {@code --retries} times while other processes took more
     * than 10 % of the machine during the run; the last run counts (flagged in the table if it
     * was still disturbed).
     */
    private Measurement measure(String base, ProcessHandle server, String algorithm, Endpoint endpoint, int c, Path warmTokens)
            throws Exception {
        Measurement m = measureOnce(base, server, algorithm, endpoint, c, warmTokens);
        for (int retry = 1; retry <= retries && m.otherCpu() > 0.10; retry++) {
            System.out.printf("    repeating (%d of %d)%n", retry, retries);
            m = measureOnce(base, server, algorithm, endpoint, c, warmTokens);
        }
        if (m.errors() > 0) {
            problems.add(algorithm + " " + endpoint.label + " c=" + c + ": " + m.errorDetail());
        }
        return m;
    }

    private Measurement measureOnce(String base, ProcessHandle payara, String algorithm, Endpoint endpoint, int c, Path warmTokens)
            throws Exception {
        String url = base + endpoint.path;
        awaitIdleMachine();
        double warmRate = 0;
        if (warmup > 0) {
            WrkRun w = wrk(url, endpoint, c, warmup, new Tokens(warmTokens, 0, 0));
            warmRate = endpoint == Endpoint.HEALTH ? 0 : w.requests() / w.seconds();
            if (w.errors() > 0) {
                System.out.printf("  warm-up %s %s c=%d: %s%n", algorithm, endpoint.label, c, w.errorDetail());
            }
        }
        // distinct tokens: half as many again as the warm-up's rate (or the fastest run so far) needs; a warm-up slowed by
        // another process would otherwise leave too few
        fastest = Math.max(fastest, warmRate);
        Tokens tokens = endpoint == Endpoint.HEALTH ? new Tokens(null, 0, 0)
                : reuseTokens ? tokenPool.file(0, tokenPool.citizens(), "tokens-reused.txt")
                : tokenPool.fresh((int) Math.max(20_000, Math.min(fastest, 20_000) * seconds * 1.5));
        awaitIdleMachine();
        int jwksBefore = tokenPool.world().jwksRequests();
        double serverBefore = cpuSeconds(payara);
        double machineBefore = machineBusySeconds();
        double dbBefore = BenchSupport.postgresCpuSeconds(postgres);
        WrkRun run = wrk(url, endpoint, c, seconds, tokens);
        double server = cpuSeconds(payara) - serverBefore;
        double db = BenchSupport.postgresCpuSeconds(postgres) - dbBefore;
        double machine = machineBusySeconds() - machineBefore;
        double wall = run.seconds();
        double capacity = wall * CORES;
        // PostgreSQL serves the server's queries: its CPU is part of the work, not a disturbance
        double other = Math.max(0, machine - server - run.cpuSeconds() - (Double.isNaN(db) ? 0 : db));
        Measurement m = new Measurement(algorithm, endpoint, c, run.requests(), wall, run.p50ms(), run.p90ms(), run.p99ms(),
                run.maxMs(), run.errors(), run.errorDetail(), server / capacity, run.cpuSeconds() / capacity, db / capacity, other / capacity,
                tokenPool.world().jwksRequests() - jwksBefore,
                reuseTokens || tokens.file() == null ? 0 : Math.max(0, run.requests() - tokens.count()));
        System.out.printf(Locale.ROOT, "  %-5s %-26s c=%-3d %8.0f req/s  %5.0f µs CPU/req (+%.0f database)  p50 %7.2f ms  p99 %7.2f ms  errors %d"
                        + "  CPU of %d cores: server %3.0f %%, wrk %3.0f %%, PostgreSQL %3.0f %%, other %3.0f %%%n",
                algorithm, endpoint.label, c, m.perSecond(), m.serverMicros(), m.dbMicros(), m.p50ms(), m.p99ms(), m.errors(), CORES,
                100 * m.serverCpu(), 100 * m.wrkCpu(), 100 * m.dbCpu(), 100 * m.otherCpu());
        if (endpoint != Endpoint.HEALTH) {
            fastest = Math.max(fastest, m.perSecond());
        }
        if (m.tokensReused() > 0) {
            System.out.printf(Locale.ROOT, "    %,d requests reused a token (the run outran its %,d fresh tokens)%n", m.tokensReused(), tokens.count());
        }
        if (m.jwksFetches() > 0) {
            System.out.println("    the server fetched the ID-porten JWKS " + m.jwksFetches() + " times during the run");
        }
        if (m.otherCpu() > 0.10) {
            System.out.printf(Locale.ROOT, "    warning: other processes used %.0f %% of the machine during the run: the figures suffer%n",
                    100 * m.otherCpu());
        }
        if (m.errors() > 0) {
            System.out.println("    errors: " + m.errorDetail());
        }
        return m;
    }

    record WrkRun(long requests, double seconds, double p50ms, double p90ms, double p99ms, double maxMs, long errors,
                  String errorDetail, double cpuSeconds, String output) {
    }

    /**
     * Runs wrk for {@code duration} seconds (killed if it takes a minute longer). wrk runs under a
     * {@code sh} that prints its own {@code cutime cstime} from {@code /proc} afterwards: the CPU
     * time of the wrk it waited for.
     */
    /** A token file for wrk: {@code count} tokens, the first being token {@code offset} of the pool (null: no tokens). */
    record Tokens(Path file, int offset, int count) {
    }

    private WrkRun wrk(String url, Endpoint endpoint, int c, int duration, Tokens tokens) throws Exception {
        // one wrk thread whenever there is a token file: wrk starts each thread as soon as its script's
        // init has read the file, and starts its clock only after the last one, so with two threads the
        // first one's requests during the second one's reading were counted in a too-short duration
        // (req/s overstated by up to 30 % with large token files; CPU per request was not affected)
        int threads = tokens.file() == null ? Math.min(CORES, c) : 1;
        List<String> command = new ArrayList<>(List.of("sh", "-c",
                "wrk \"$@\"; rc=$?; echo \"CHILD_CPU_TICKS $(cut -d' ' -f16,17 /proc/$$/stat)\"; exit $rc", "sh",
                "-t", String.valueOf(threads), "-c", String.valueOf(c), "-d", duration + "s", "--timeout", "10s",
                "--latency", "-s", LUA.toString(), url, "--",
                endpoint == Endpoint.HEALTH || tokens.file() == null ? "-" : tokens.file().toString(), endpoint.method, endpoint.accept,
                String.valueOf(threads), String.valueOf(tokenPool.citizens()), String.valueOf(tokens.offset())));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (var in = p.getInputStream()) {
            // wrk writes a few lines only, at the end: reading until EOF does not block it
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!p.waitFor(duration + 60L, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new LocalService.Failure("wrk did not end within " + (duration + 60) + " s");
        }
        if (p.exitValue() != 0) {
            throw new LocalService.Failure("wrk exited with " + p.exitValue() + ":\n" + output);
        }
        Map<String, Double> r = new LinkedHashMap<>();
        Optional<String> line = output.lines().filter(l -> l.startsWith("RESULT ")).findFirst();
        if (line.isEmpty()) {
            throw new LocalService.Failure("no RESULT line in the output of wrk:\n" + output);
        }
        Matcher m = RESULT.matcher(line.get());
        while (m.find()) {
            r.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        double cpu = output.lines().filter(l -> l.startsWith("CHILD_CPU_TICKS ")).findFirst()
                .map(l -> Arrays.stream(l.substring("CHILD_CPU_TICKS ".length()).trim().split("\\s+"))
                        .mapToDouble(Double::parseDouble).sum() / TICKS)
                .orElse(Double.NaN);
        long errors = (long) (r.get("err_connect") + r.get("err_read") + r.get("err_write") + r.get("err_status") + r.get("err_timeout"));
        String detail = String.format(Locale.ROOT, "non-2xx/3xx %.0f, connect %.0f, read %.0f, write %.0f, timeout %.0f",
                r.get("err_status"), r.get("err_connect"), r.get("err_read"), r.get("err_write"), r.get("err_timeout"));
        Files.writeString(ROOT.resolve("wrk.log"), String.join(" ", command.subList(4, command.size())) + "\n" + output + "\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        return new WrkRun(r.get("requests").longValue(), r.get("duration_us") / 1e6, r.get("p50_us") / 1e3,
                r.get("p90_us") / 1e3, r.get("p99_us") / 1e3, r.get("max_us") / 1e3, errors, detail, cpu, output);
    }

    /**
     * Waits (at most {@code --idle-wait} seconds) until the machine is idle: under 10 % busy over
     * two seconds, while the server and wrk rest. Other work on a 2-core machine would be counted
     * against the server. Gives up with a warning, so that a busy machine slows the bench down
     * instead of stopping it; the "other" CPU column then shows it.
     */
    private void awaitIdleMachine() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(idleWait);
        boolean said = false;
        while (true) {
            double before = machineBusySeconds();
            Thread.sleep(2000);
            double busy = (machineBusySeconds() - before) / (2.0 * CORES);
            if (Double.isNaN(busy) || busy < 0.10) {
                if (said) {
                    System.out.println("    ... idle now");
                }
                return;
            }
            if (System.nanoTime() > deadline) {
                System.out.printf(Locale.ROOT, "    the machine is still %.0f %% busy after %d s: measuring anyway%n", 100 * busy, idleWait);
                return;
            }
            if (!said) {
                System.out.printf(Locale.ROOT, "    waiting for an idle machine (%.0f %% busy) ...%n", 100 * busy);
                said = true;
            }
        }
    }

    private static Optional<String> wrkVersion() {
        try {
            Process p = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            return out.lines().findFirst().map(l -> l.replaceAll("\\s+Copyright.*", "").trim());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static List<String> aktivPids(Path file) throws IOException {
        List<String> pids = new ArrayList<>();
        try (Stream<String> all = Files.lines(file)) {
            for (String line : (Iterable<String>) all.filter(l -> !l.isBlank())::iterator) {
                try (JsonReader reader = Json.createReader(new StringReader(line))) {
                    JsonObject person = reader.readObject();
                    if ("AKTIV".equals(person.getString("status", ""))) {
                        pids.add(person.getString("personidentifikator"));
                    }
                }
            }
        }
        return pids;
    }

    // ---- report -------------------------------------------------------------------------------

    private void printReport(List<Measurement> results, Map<String, String> startups, long lines, int citizens, String wrk) {
        String java = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        System.out.println();
        System.out.printf(Locale.ROOT, "User API benchmark, %s: %d cores (availableProcessors), %s, %s on Payara Micro (JVM %s, "
                        + "configured by %s, JSON provider named, --maxHttpThreads 16), %s; load from %s on the same machine, loopback%n",
                LocalDate.now(), CORES, System.getProperty("os.name") + " " + System.getProperty("os.arch"), java,
                String.join(" ", PAYARA_JVM), configByProperties ? "system properties" : "environment variables",
                postgres == null ? "embedded H2" : "PostgreSQL on the same machine (its CPU per request in the second table)", wrk);
        System.out.printf(Locale.ROOT, "%,d demo persons imported per server; tokens of %,d distinct AKTIV citizens, %s; "
                        + "%d s of JIT warm-up per server over all endpoints, then per measurement %d s warm-up and %d s measured%n",
                lines, citizens, reuseTokens ? "one token each, round robin (--reuse-tokens)" : "every measured request with a token of its own",
                jitWarmup, warmup, seconds);
        startups.forEach((alg, s) -> System.out.println("  " + alg + ": " + s));
        System.out.println();
        System.out.println("NOTE: wrk and the server share the " + CORES + " cores. CPU/req is the server process's CPU time"
                + " per request (all its threads: HTTP, GC, JIT), the headline figure: it suffers less from the shared"
                + " machine than req/s.");
        System.out.println();

        List<Endpoint> shown = endpoints;
        StringBuilder head = new StringBuilder("| endpoint | alg |");
        StringBuilder rule = new StringBuilder("|---|---|");
        for (int c : connections) {
            head.append(String.format(" %d conn: req/s | CPU µs/req | p50 ms | p99 ms |", c));
            rule.append("--:|--:|--:|--:|");
        }
        head.append(" errors |");
        rule.append("--:|");
        System.out.println(head);
        System.out.println(rule);
        for (Endpoint e : shown) {
            for (String alg : e == Endpoint.REFERENCE ? List.of(algorithms.get(0)) : algorithms) {
                StringBuilder row = new StringBuilder("| " + e.label + " | " + (e == Endpoint.REFERENCE ? "-" : alg) + " |");
                long errors = 0;
                for (int c : connections) {
                    Measurement m = find(results, alg, e, c);
                    if (m == null) {
                        row.append(" | | | |");
                        continue;
                    }
                    errors += m.errors();
                    row.append(String.format(Locale.ROOT, " %,.0f%s%s | %,.0f%s | %s | %s |", m.perSecond(),
                            m.otherCpu() > 0.10 ? " †" : "", m.tokensReused() > 0 ? " ‡" : "", m.serverMicros(),
                            postgres == null ? "" : String.format(Locale.ROOT, " + %,.0f", m.dbMicros()), ms(m.p50ms()), ms(m.p99ms())));
                }
                row.append(" ").append(errors).append(" |");
                System.out.println(row);
            }
        }

        System.out.println();
        if (results.stream().anyMatch(m -> m.otherCpu() > 0.10)) {
            System.out.println("†: other processes used more than 10 % of the machine during that run (second table): not comparable.");
        }
        if (results.stream().anyMatch(m -> m.tokensReused() > 0)) {
            System.out.println("‡: some requests of that run reused a token (more requests than fresh tokens).");
        }
        if (postgres != null) {
            System.out.println("CPU µs/req with --postgres: the server's + PostgreSQL's (its postmaster and every backend).");
        }
        System.out.println();
        System.out.println("CPU during the measured seconds, share of all " + CORES + " cores (server = Payara, or the reference server;"
                + " wrk = the load generator; PostgreSQL = the database server with --postgres; other = the rest of the machine,"
                + " the bench JVM with the double included):");
        System.out.println();
        StringBuilder cpuHead = new StringBuilder("| endpoint | alg |");
        StringBuilder cpuRule = new StringBuilder("|---|---|");
        for (int c : connections) {
            cpuHead.append(String.format(" %d conn: server | wrk | PostgreSQL | other |", c));
            cpuRule.append("--:|--:|--:|--:|");
        }
        System.out.println(cpuHead);
        System.out.println(cpuRule);
        for (Endpoint e : shown) {
            for (String alg : e == Endpoint.REFERENCE ? List.of(algorithms.get(0)) : algorithms) {
                StringBuilder row = new StringBuilder("| " + e.label + " | " + (e == Endpoint.REFERENCE ? "-" : alg) + " |");
                for (int c : connections) {
                    Measurement m = find(results, alg, e, c);
                    row.append(m == null ? " | | | |" : String.format(Locale.ROOT, " %.0f %% | %.0f %% | %.0f %% | %.0f %% |",
                            100 * m.serverCpu(), 100 * m.wrkCpu(), 100 * m.dbCpu(), 100 * m.otherCpu()));
                }
                System.out.println(row);
            }
        }

        int top = connections.stream().mapToInt(Integer::intValue).max().orElse(0);
        System.out.println();
        StringBuilder ratioHead = new StringBuilder("| alg |");
        StringBuilder ratioRule = new StringBuilder("|---|");
        for (int c : connections) {
            ratioHead.append(" JOSE/JSON ").append(c).append(" conn |");
            ratioRule.append("--:|");
        }
        for (int c : connections) {
            ratioHead.append(" JSON/reference ").append(c).append(" conn |");
            ratioRule.append("--:|");
        }
        ratioHead.append(" PATCH/JSON ").append(top).append(" conn | GET JSON p99 at ").append(top).append(" conn |");
        ratioRule.append("--:|--:|");
        System.out.println(ratioHead);
        System.out.println(ratioRule);
        String first = algorithms.get(0);
        for (String alg : algorithms) {
            StringBuilder row = new StringBuilder("| " + alg + " |");
            for (int c : connections) {
                row.append(" ").append(ratio(find(results, alg, Endpoint.JOSE, c), find(results, alg, Endpoint.JSON, c))).append(" |");
            }
            for (int c : connections) {
                row.append(" ").append(ratio(find(results, alg, Endpoint.JSON, c), find(results, first, Endpoint.REFERENCE, c))).append(" |");
            }
            Measurement json = find(results, alg, Endpoint.JSON, top);
            row.append(" ").append(ratio(find(results, alg, Endpoint.PATCH, top), json)).append(" |");
            row.append(" ").append(json == null ? "" : ms(json.p99ms()) + " ms").append(" |");
            System.out.println(row);
        }
        System.out.println();
        System.out.println("targets (issue 10) at " + top + " connections: GET JSON >= 0.6 x the reference server's req/s, server CPU <= 150 µs"
                + " per GET on H2, p99 < 25 ms; JOSE >= 0.7 x GET JSON (ES256), >= 0.45 x (RS256); PATCH >= 0.5 x GET JSON on PostgreSQL");
        Measurement reference = find(results, first, Endpoint.REFERENCE, top);
        for (String alg : algorithms) {
            Measurement json = find(results, alg, Endpoint.JSON, top);
            Measurement jose = find(results, alg, Endpoint.JOSE, top);
            Measurement patch = find(results, alg, Endpoint.PATCH, top);
            if (json != null && reference != null) {
                target(alg + " GET JSON/reference", json.perSecond() / reference.perSecond(), ">=", 0.6);
            }
            if (json != null) {
                if (postgres == null) {
                    target(alg + " GET JSON server CPU µs/req", json.serverMicros(), "<=", 150);
                }
                target(alg + " GET JSON p99 ms", json.p99ms(), "<", 25);
            }
            if (json != null && jose != null && !alg.equals("PS256")) {
                target(alg + " JOSE/JSON", jose.perSecond() / json.perSecond(), ">=", alg.equals("ES256") ? 0.7 : 0.45);
            }
            if (json != null && patch != null && postgres != null) {
                target(alg + " PATCH/GET JSON", patch.perSecond() / json.perSecond(), ">=", 0.5);
            }
        }
        if (reference != null) {
            System.out.printf(Locale.ROOT, "  the reference server at %d: %,.0f req/s, %,.0f µs CPU/req%n", top, reference.perSecond(),
                    reference.serverMicros());
        }
        if (problems.isEmpty()) {
            System.out.println("checks: every answer as expected, no wrk errors");
        } else {
            problems.forEach(p -> System.out.println("CHECK FAILED: " + p));
        }
    }

    private static void target(String what, double value, String relation, double limit) {
        boolean met = switch (relation) {
            case ">=" -> value >= limit;
            case "<=" -> value <= limit;
            default -> value < limit;
        };
        System.out.printf(Locale.ROOT, "  %s: %s (target %s %s) %s%n", what, value < 10 ? String.format(Locale.ROOT, "%.2f", value)
                : String.format(Locale.ROOT, "%.0f", value), relation, limit < 10 ? String.format(Locale.ROOT, "%.2f", limit)
                : String.format(Locale.ROOT, "%.0f", limit), met ? "met" : "MISSED");
    }

    private static Measurement find(List<Measurement> results, String alg, Endpoint e, int c) {
        return results.stream().filter(m -> m.algorithm().equals(alg) && m.endpoint() == e && m.connections() == c)
                .findFirst().orElse(null);
    }

    private static String ratio(Measurement a, Measurement b) {
        return a == null || b == null ? "" : String.format(Locale.ROOT, "%.2f", a.perSecond() / b.perSecond());
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, v < 10 ? "%.2f" : "%.1f", v);
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }

    private static double cpuSeconds(ProcessHandle p) {
        return p.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    /** CPU seconds the whole machine has been busy (all cores, from {@code /proc/stat}), or NaN. */
    private static double machineBusySeconds() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            // cpu user nice system idle iowait irq softirq steal ...: all but idle and iowait
            for (int i = 1; i <= Math.min(8, cpu.length - 1); i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(cpu[i]);
                }
            }
            return busy / TICKS;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
