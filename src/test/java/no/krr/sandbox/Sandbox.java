package no.krr.sandbox;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * Steps (the first four through {@link LocalService}): start {@link OutsideWorld} on {@code --port}
 * (ID-porten, Maskinporten and the upstream register); make (once, under the data dir) a
 * Maskinporten client keystore the double trusts and a signing keystore with a certificate chain,
 * and pass their settings to Payara as system properties; fill the register double with the demo
 * data plus the differences {@link SandboxUpstream} plants;
 * start {@code target/payara-micro.jar} as a child process (the same {@code java} binary as this
 * one) deploying {@code target/krr-person.war} at {@code /}, with MP-JWT pointed at the double, its
 * output in {@code target/sandbox-payara.log}; wait for {@code /health/ready}; upload
 * {@link DemoData} through the {@code import-persons} job with an admin token and wait for it to
 * complete; print a user token and curl lines. Ctrl-C stops Payara and the double. Runs from the
 * project root.
 */
public final class Sandbox {

    private static final Path LOG = Path.of("target/sandbox-payara.log");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration IMPORT_TIMEOUT = Duration.ofMinutes(15);
    private static final Duration POLL_EVERY = Duration.ofMillis(500);
    private static final String DEMO_PID = "23079421936";
    /** The sandbox's Maskinporten client id, and the name of its keystore under the data dir. */
    private static final String CLIENT_ID = "krr-sandbox";
    /** Seed of the differences planted in the upstream register's copy of the demo data. */
    private static final long UPSTREAM_SEED = 2026L;
    private static final String SIGNING_ALIAS = "sandbox-signing";
    /** A sandbox keystore of throwaway keys under target/: a fixed password is fine, and lets it be reused. */
    private static final String SIGNING_PASSWORD = "krr-sandbox-signing";

    private int doublePort = 8180;
    private int payaraPort = 8080;
    private int persons = DemoData.DEFAULT_SYNTHETIC_COUNT;
    private Path dataDir = Path.of("target/sandbox-data");
    private boolean importData = true;

    private volatile LocalService service;
    private volatile boolean stopping;
    private String importJob = "/admin/v1/jobs/<id>";
    private List<String> demoLines = List.of();
    private SandboxUpstream.Result upstream;

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
        Optional<Path> missing = LocalService.missingBuildOutput();
        if (missing.isPresent()) {
            System.err.println(missing.get() + " is missing: start the sandbox with ./sandbox (it builds both)");
            return 1;
        }
        service = new LocalService(doublePort, payaraPort, dataDir, LOG, List.of());
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "sandbox-shutdown"));

        try {
            OutsideWorld world = service.startDouble();
            System.out.println("outside-world double on " + world.baseUrl() + " (ID-porten issuer " + world.idportenIssuer()
                    + ", admin issuer " + world.agencyIssuer() + ", Maskinporten, upstream register)");
            Path clientDir = dataDir.resolve("maskinporten");
            service.connectUpstream(clientDir, CLIENT_ID);
            System.out.println("Maskinporten client " + CLIENT_ID + ": " + clientDir.resolve(CLIENT_ID + ".p12"));
            Path signing = signingKeystore();
            service.settings(Map.of("krr.signing.keystore", signing.toAbsolutePath().toString(),
                    "krr.signing.keystore-password", SIGNING_PASSWORD,
                    "krr.signing.key-alias", SIGNING_ALIAS));
            System.out.println("signing keystore (key " + SIGNING_ALIAS + ", chain of two): " + signing);

            Process payara = service.startPayara();
            String base = service.baseUrl();
            System.out.println("Payara Micro starting (pid " + payara.pid() + "), log in " + LOG + " ...");
            loadUpstream(world);
            System.out.printf("ready after %d s%n", service.awaitReady(READY_TIMEOUT).toSeconds());
            if (importData) {
                importDemoData();
            }
            printHowTo(base);
            int exit = payara.waitFor();
            if (stopping) {
                return 0;
            }
            System.err.println("Payara Micro exited by itself with " + exit + "; see " + LOG);
            return 1;
        } catch (LocalService.Failure e) {
            fail(e.getMessage());
            return 1;
        }
    }

    /**
     * Fills the upstream register double with the same demo lines the import gets, but with the
     * planted differences of {@link SandboxUpstream}, so that a VERIFY run has something to find.
     */
    private void loadUpstream(OutsideWorld world) {
        demoLines = DemoData.lines(persons, Clock.systemUTC()).toList();
        upstream = SandboxUpstream.variant(demoLines, UPSTREAM_SEED);
        world.register().clear().putAll(upstream.lines().stream());
        System.out.println("upstream register double: " + world.register().size() + " persons, planted: " + upstream.describe());
    }

    /**
     * The signing keystore under the data dir, made once by {@code server-config/make-signing-keystore.sh}
     * (an RSA key whose certificate a small CA issued, so JWS headers and the JWKS carry {@code x5c}).
     */
    private Path signingKeystore() throws IOException, InterruptedException, LocalService.Failure {
        Path store = dataDir.resolve("signing").resolve("krr-signing.p12");
        if (Files.isRegularFile(store)) {
            return store;
        }
        Files.createDirectories(store.getParent());
        ProcessBuilder make = new ProcessBuilder("bash", "server-config/make-signing-keystore.sh",
                "-a", "RSA", "-n", SIGNING_ALIAS, "-o", store.toString()).redirectErrorStream(true);
        make.environment().put("KRR_SIGNING_KEYSTORE_PASSWORD", SIGNING_PASSWORD);
        make.environment().put("JAVA_HOME", System.getProperty("java.home"));
        System.out.println("making the signing keystore " + store + " (keytool, a few seconds) ...");
        Process process = make.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            Files.deleteIfExists(store);
            throw new LocalService.Failure("make-signing-keystore.sh failed:\n" + output);
        }
        return store;
    }

    private void importDemoData() throws IOException, InterruptedException, LocalService.Failure {
        StringBuilder ndjson = new StringBuilder(demoLines.size() * 700);
        demoLines.forEach(line -> ndjson.append(line).append('\n'));
        String body = ndjson.toString();
        int total = demoLines.size();
        System.out.println("importing " + total + " demo persons through POST /admin/v1/imports ...");
        String[] lastStatus = {""};
        JsonObject report = service.importNdjson(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8),
                POLL_EVERY, IMPORT_TIMEOUT,
                job -> importJob = job.getPath(),
                state -> {
                    String status = state.getString("status", "?");
                    if (!status.equals(lastStatus[0])) {
                        System.out.println("  job " + state.get("id") + " " + status);
                        lastStatus[0] = status;
                    }
                });
        System.out.println("  counts " + report.get("counts"));
    }

    private void printHowTo(String base) {
        OutsideWorld world = service.world();
        IdPorten idporten = world.idporten();
        String token = idporten.token(DEMO_PID).lifetime(Duration.ofHours(1)).mint();
        String d = world.baseUrl();
        String userScopes = String.join("%20", IdPorten.USER_SCOPES);
        String out = """

                ==== KRR sandbox is up ==========================================================
                service      %1$s   (Payara log: %2$s)
                ID-porten    %3$s   (issuer %4$s)
                admin issuer %13$s   (the agency's identity provider)

                Operator console: %1$s/console/
                  log in as a test operator (operator-1, no password), run a VERIFY or a RECONCILE, import a file

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
                An admin token of the agency's identity provider (sub, client_id, aud, scope, lifetime optional)
                and the import job status:
                export ADMIN=$(curl -s '%14$s?sub=operator-1&client_id=krr-admin-console')
                curl -s -H "Authorization: Bearer $ADMIN" %1$s%10$s

                Published test persons: %8$s
                (%9$s; Ctrl-C stops Payara and the double)

                The keys that verify the JWS above (x5c: the signing key's certificate chain):
                curl -s %1$s/.well-known/jwks.json

                Reconciliation against the upstream register double (admin token above): start a VERIFY,
                read its report, then its discrepancies as CSV; {"mode":"RECONCILE"} repairs them.
                export RUN=$(curl -s -o /dev/null -D - -X POST -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \\
                     -d '{"mode":"VERIFY"}' %1$s/admin/v1/reconciliations | tr -d '\\r' | sed -n 's/^[Ll]ocation: *//p')
                curl -s -H "Authorization: Bearer $ADMIN" %1$s$RUN
                curl -s -H "Authorization: Bearer $ADMIN" -H 'Accept: text/csv' %1$s$RUN/discrepancies

                VERIFY should find: %11$s
                (after a RECONCILE, a second VERIFY finds only the %12$d SPRAAK_LOCAL_NEWER: the local change is kept)
                =================================================================================
                """.formatted(base, LOG, d, world.idportenIssuer(), DEMO_PID, token, userScopes,
                String.join(" ", DemoData.publishedTestPersons()),
                importData ? (DemoData.publishedTestPersons().size() + persons) + " demo persons imported"
                        : "no demo data imported (--no-import)", importJob,
                upstream.describe() + (importData ? "" : " (if the database holds this demo data set, see --no-import)"),
                upstream.expectedKinds().get("SPRAAK_LOCAL_NEWER"), world.agencyIssuer(), world.agencyAdminTokenUrl());
        System.out.println(out);
    }

    private void fail(String message) {
        System.err.println("sandbox: " + message);
        System.err.println("---- last lines of " + LOG + " ----");
        LocalService.tail(LOG, 60).forEach(System.err::println);
    }

    private void stop() {
        stopping = true;
        LocalService s = service;
        if (s != null) {
            s.stop();
        }
    }
}
