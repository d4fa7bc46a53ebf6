package no.krr.sandbox;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import no.krr.testdouble.DemoData;
import no.krr.testdouble.IdPorten;
import no.krr.testdouble.OutsideWorld;

/**
 * The sandbox: the service on Payara Micro with the outside-world double in front of it and demo
 * data loaded, ready for curl. Started by the top-level {@code ./sandbox} script, which builds the
 * WAR, fetches Payara Micro and puts the test classpath together.
 *
 * <pre>
 * Sandbox [--port 8180] [--payara-port 8080] [--persons 10000] [--data-dir target/sandbox-data] [--no-import]
 * </pre>
 *
 * Steps: start {@link OutsideWorld} on {@code --port}; start {@code target/payara-micro.jar} as a
 * child process (the same {@code java} binary as this one) deploying {@code target/krr-person.war}
 * at {@code /}, with MP-JWT pointed at the double, its output in {@code target/sandbox-payara.log};
 * wait for {@code /health/ready}; upload {@link DemoData} through the {@code import-persons} job with
 * an admin token and wait for it to complete; print a user token and curl lines. Ctrl-C stops
 * Payara and the double. Runs from the project root.
 */
public final class Sandbox {

    private static final Path PAYARA_JAR = Path.of("target/payara-micro.jar");
    private static final Path WAR = Path.of("target/krr-person.war");
    private static final Path LOG = Path.of("target/sandbox-payara.log");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration IMPORT_TIMEOUT = Duration.ofMinutes(15);
    private static final String DEMO_PID = "23079421936";

    private int doublePort = 8180;
    private int payaraPort = 8080;
    private int persons = DemoData.DEFAULT_SYNTHETIC_COUNT;
    private Path dataDir = Path.of("target/sandbox-data");
    private boolean importData = true;

    /** HTTP/1.1: the default h2c upgrade attempt on a POST with a body breaks on Payara's listener. */
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private volatile OutsideWorld world;
    private volatile Process payara;
    private volatile boolean stopping;
    private String importJob = "/admin/v1/jobs/<id>";

    public static void main(String[] args) throws Exception {
        Sandbox sandbox = new Sandbox();
        sandbox.parse(args);
        int exit;
        try {
            exit = sandbox.run();
        } catch (Exception | Error e) {
            e.printStackTrace();
            sandbox.fail("stopped by " + e);
            exit = 1;
        }
        // System.exit runs the shutdown hook, which stops Payara and the double
        System.exit(exit);
    }

    private void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--port" -> doublePort = Integer.parseInt(value(args, ++i, arg));
                case "--payara-port" -> payaraPort = Integer.parseInt(value(args, ++i, arg));
                case "--persons" -> persons = Integer.parseInt(value(args, ++i, arg));
                case "--data-dir" -> dataDir = Path.of(value(args, ++i, arg));
                case "--no-import" -> importData = false;
                case "-h", "--help" -> {
                    System.out.println("usage: sandbox [--port 8180] [--payara-port 8080] [--persons 10000]"
                            + " [--data-dir target/sandbox-data] [--no-import]");
                    System.exit(0);
                }
                default -> {
                    if (arg.matches("\\d+")) {
                        doublePort = Integer.parseInt(arg);
                    } else {
                        System.err.println("unknown option " + arg + " (try --help)");
                        System.exit(2);
                    }
                }
            }
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            System.err.println(option + " needs a value");
            System.exit(2);
        }
        return args[i];
    }

    private int run() throws Exception {
        for (Path required : List.of(PAYARA_JAR, WAR)) {
            if (!Files.isRegularFile(required)) {
                System.err.println(required + " is missing: start the sandbox with ./sandbox (it builds both)");
                return 1;
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "sandbox-shutdown"));

        world = OutsideWorld.start(doublePort);
        System.out.println("outside-world double on " + world.baseUrl() + " (ID-porten issuer " + world.idportenIssuer() + ")");

        startPayara();
        String base = "http://127.0.0.1:" + payaraPort;
        System.out.println("Payara Micro starting (pid " + payara.pid() + "), log in " + LOG + " ...");
        if (!waitUntilReady(base)) {
            return 1;
        }
        if (importData && !importDemoData(base)) {
            return 1;
        }
        printHowTo(base);
        int exit = payara.waitFor();
        if (stopping) {
            return 0;
        }
        System.err.println("Payara Micro exited by itself with " + exit + "; see " + LOG);
        return 1;
    }

    private void startPayara() throws IOException {
        Files.createDirectories(dataDir);
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java,
                "-Dmp.jwt.verify.issuer=" + world.idportenIssuer(),
                "-Dmp.jwt.verify.publickey.location=" + world.idportenJwksUrl(),
                "-Dkrr.data-dir=" + dataDir,
                // no nightly reconciliation against the real register from a sandbox
                "-Dkrr.reconcile.schedule=off",
                // later: -Dkrr.upstream.url=<double>/register, -Dkrr.maskinporten.token-url=<double>/maskinporten/token
                "-jar", PAYARA_JAR.toString(),
                "--deploy", WAR.toString(),
                "--contextroot", "/",
                "--port", String.valueOf(payaraPort),
                "--nocluster"));
        payara = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(LOG.toFile())
                .start();
    }

    private boolean waitUntilReady(String base) throws InterruptedException {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        HttpRequest ready = HttpRequest.newBuilder(URI.create(base + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        Instant started = Instant.now();
        while (Instant.now().isBefore(deadline)) {
            if (!payara.isAlive()) {
                fail("Payara Micro exited with " + payara.exitValue() + " before it was ready");
                return false;
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    System.out.printf("ready after %d s%n", Duration.between(started, Instant.now()).toSeconds());
                    return true;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        fail("Payara Micro was not ready within " + READY_TIMEOUT.toSeconds() + " s (" + base + "/health/ready)");
        return false;
    }

    private boolean importDemoData(String base) throws IOException, InterruptedException {
        String admin = world.idporten().adminToken().lifetime(Duration.ofHours(1)).mint();
        String body = DemoData.ndjson(persons, Clock.systemUTC());
        int total = DemoData.publishedTestPersons().size() + persons;
        System.out.println("importing " + total + " demo persons through POST /admin/v1/imports ...");
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(base + "/admin/v1/imports"))
                        .timeout(Duration.ofMinutes(2))
                        .header("Authorization", "Bearer " + admin)
                        .header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String location = started.headers().firstValue("Location").orElse(null);
        if (started.statusCode() != 202 || location == null) {
            fail("import not accepted: HTTP " + started.statusCode() + " " + started.body());
            return false;
        }
        URI job = URI.create(base + "/").resolve(location);
        importJob = job.getPath();
        Instant deadline = Instant.now().plus(IMPORT_TIMEOUT);
        String lastStatus = "";
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> polled = http.send(HttpRequest.newBuilder(job)
                            .timeout(Duration.ofSeconds(10))
                            .header("Authorization", "Bearer " + admin)
                            .header("Accept", "application/json")
                            .GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (polled.statusCode() != 200) {
                fail("GET " + job + ": HTTP " + polled.statusCode() + " " + polled.body());
                return false;
            }
            JsonObject state;
            try (JsonReader reader = Json.createReader(new StringReader(polled.body()))) {
                state = reader.readObject();
            }
            String status = state.getString("status", "?");
            if (!status.equals(lastStatus)) {
                System.out.println("  job " + state.get("id") + " " + status);
                lastStatus = status;
            }
            switch (status) {
                case "COMPLETED" -> {
                    System.out.println("  counts " + state.get("counts"));
                    return true;
                }
                case "FAILED", "STOPPED", "ABANDONED" -> {
                    fail("import job ended " + status + ": " + polled.body());
                    return false;
                }
                default -> Thread.sleep(500);
            }
        }
        fail("import job did not finish within " + IMPORT_TIMEOUT.toMinutes() + " min (" + job + ")");
        return false;
    }

    private void printHowTo(String base) {
        IdPorten idporten = world.idporten();
        String token = idporten.token(DEMO_PID).lifetime(Duration.ofHours(1)).mint();
        String d = world.baseUrl();
        String userScopes = String.join("%20", IdPorten.USER_SCOPES);
        String out = """

                ==== KRR sandbox is up ==========================================================
                service      %1$s   (Payara log: %2$s)
                ID-porten    %3$s   (issuer %4$s)

                A user token for %5$s with all user scopes, valid 1 hour:

                export TOKEN='%6$s'

                curl -s -H "Authorization: Bearer $TOKEN" %1$s/rest/v1/person
                curl -s -H "Authorization: Bearer $TOKEN" -H 'Accept: application/jose' %1$s/rest/v1/person
                curl -s -X PATCH -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \\
                     -d '{"spraak":"en"}' %1$s/rest/v1/person
                curl -s %1$s/openapi
                Swagger UI:  %1$s/swagger-ui/index.html

                Another token (pid, space-separated scope as %%20, acr, lifetime in seconds are all optional):
                export TOKEN=$(curl -s '%3$s/idporten/token?pid=18886799280&scope=%7$s&acr=idporten-loa-high&lifetime=3600')
                An admin token and the import job status:
                export ADMIN=$(curl -s '%3$s/idporten/token?scope=krr:admin')
                curl -s -H "Authorization: Bearer $ADMIN" %1$s%10$s

                Published test persons: %8$s
                (%9$s; Ctrl-C stops Payara and the double)
                =================================================================================
                """.formatted(base, LOG, d, world.idportenIssuer(), DEMO_PID, token, userScopes,
                String.join(" ", DemoData.publishedTestPersons()),
                importData ? (DemoData.publishedTestPersons().size() + persons) + " demo persons imported"
                        : "no demo data imported (--no-import)", importJob);
        System.out.println(out);
    }

    private void fail(String message) {
        System.err.println("sandbox: " + message);
        System.err.println("---- last lines of " + LOG + " ----");
        try {
            List<String> lines = new String(Files.readAllBytes(LOG), StandardCharsets.UTF_8).lines().toList();
            lines.subList(Math.max(0, lines.size() - 60), lines.size()).forEach(System.err::println);
        } catch (IOException | RuntimeException e) {
            System.err.println("(cannot read the log: " + e.getMessage() + ")");
        }
    }

    private void stop() {
        stopping = true;
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
        if (w != null) {
            w.close();
        }
    }
}
