package no.krr.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import no.krr.person.NationalId;
import no.krr.person.Status;
import no.krr.testdouble.DemoData;
import no.krr.testdouble.Maskinporten;
import no.krr.testdouble.MaskinportenClient;
import no.krr.testdouble.MutableClock;
import no.krr.testdouble.OutsideWorld;
import no.krr.testdouble.Register.Fault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link UpstreamRegister#lookup} with everything real but MicroProfile: the Maskinporten and
 * register doubles over HTTP, {@link MaskinportenTokens}, the retry loop and the answer reader. The
 * waits are recorded, not slept. (The Rest Client and Fault Tolerance wiring is covered by the
 * container tests.)
 */
class UpstreamRegisterTest {

    static final NationalId A = UpstreamAnswerReaderTest.A;
    static final NationalId B = UpstreamAnswerReaderTest.B;
    static final NationalId C = UpstreamAnswerReaderTest.C;

    static MutableClock clock;
    static OutsideWorld world;
    static MaskinportenClient client;

    final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    final List<String> logLines = Collections.synchronizedList(new ArrayList<>());
    final Handler logCapture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logLines.add(record.getMessage() + (record.getThrown() == null ? "" : " " + record.getThrown()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    Map<String, String> config;

    @BeforeAll
    static void start() {
        clock = MutableClock.startingNow();
        world = OutsideWorld.start(0, clock);
        client = MaskinportenClient.shared("krr-test-client").trustIn(world);
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @BeforeEach
    void reset() {
        world.maskinporten().reset();
        world.maskinporten().allowScopes(client.clientId(), Maskinporten.KONTAKTINFORMASJON_READ, Maskinporten.DIGITALPOST_READ);
        world.register().reset().clear();
        config = new HashMap<>(client.config(world));
        config.put(UpstreamSettings.TIMEOUT_MS, "500");
        Logger logger = Logger.getLogger("no.krr.upstream");
        logger.addHandler(logCapture);
        logger.setLevel(Level.ALL);
    }

    @AfterEach
    void noSecretsInTheLog() {
        Logger.getLogger("no.krr.upstream").removeHandler(logCapture);
        for (String line : logLines) {
            for (NationalId id : List.of(A, B, C)) {
                assertFalse(line.contains(id.value()), "a national id in clear in the log: " + line);
            }
            assertFalse(line.contains("mp-"), "a token in the log: " + line);
        }
    }

    UpstreamRegister register() {
        return register(new MaskinportenTokens(MaskinportenSettings.of(config), clock));
    }

    UpstreamRegister register(MaskinportenTokens tokens) {
        UpstreamSettings settings = UpstreamSettings.of(config);
        RetryPolicy policy = RetryPolicy.from(settings, new SplittableRandom(1));
        return new UpstreamRegister(new JdkHttpUpstreamCall(settings), tokens, settings, clock, policy, waits::add);
    }

    static String aktiv(NationalId id) {
        return UpstreamAnswerReaderTest.aktiv(id, "2023-06-29T10:14:52+02");
    }

    @Test
    void aLookupAnswersValidPersonsAndReportsTheRest() throws Exception {
        world.register().put(aktiv(A));
        world.register().put("{\"personidentifikator\":\"" + B.value() + "\",\"status\":\"AKTIV\"}");
        UpstreamRegister.Answer answer = register().lookup(List.of(A, B, C));
        assertEquals(Status.AKTIV, answer.persons().get(A.value()).status());
        assertEquals(Status.IKKE_REGISTRERT, answer.persons().get(C.value()).status(), "unknown ids are no error");
        assertEquals("invalid in the upstream answer: reservasjon: missing for an AKTIV person", answer.invalid().get(B.value()));
        assertEquals(1, world.register().calls());
        assertEquals(1, world.maskinporten().grants());
        assertTrue(waits.isEmpty());
    }

    @Test
    void allThreeTimestampShapesAndEmptyStringsAreRead() throws Exception {
        world.register().put("{\"personidentifikator\":\"" + A.value() + "\",\"reservasjon\":\"JA\",\"status\":\"AKTIV\","
                + "\"reservasjonstidspunkt\":\"2023-06-29T10:14:52+02\",\"reservasjon_oppdatert\":\"2023-08-05T10:45:15.768Z\","
                + "\"spraak\":\"\",\"spraak_oppdatert\":\"2014-02-25T13:08:00.000+01:00\",\"varslingsstatus\":\"\"}");
        var person = register().lookup(List.of(A)).persons().get(A.value());
        assertEquals("2023-06-29T10:14:52+02:00", person.reservasjonstidspunkt().orElseThrow().toString());
        assertEquals("2023-08-05T10:45:15.768Z", person.reservasjonOppdatert().orElseThrow().toString());
        assertEquals("2014-02-25T13:08+01:00", person.spraakOppdatert().orElseThrow().toString());
        assertTrue(person.spraak().isEmpty());
        assertTrue(person.varslingsstatus().isEmpty());
    }

    @Test
    void aThousandIdsGoInOneCall() throws Exception {
        List<String> lines = DemoData.lines(1000, clock).limit(1000).toList();
        world.register().putAll(lines.stream());
        List<NationalId> ids = lines.stream().map(line -> Json.createReader(new StringReader(line)).readObject())
                .map(JsonObject.class::cast).map(o -> new NationalId(o.getString("personidentifikator"))).toList();
        UpstreamRegister.Answer answer = register().lookup(ids);
        assertEquals(1000, answer.persons().size() + answer.invalid().size());
        assertTrue(answer.invalid().isEmpty(), answer.invalid().toString());
        assertEquals(1, world.register().calls());
        assertEquals(1000, world.register().maxIdsPerCall());
        assertEquals(0, world.register().violations());
    }

    @Test
    void moreIdsThanTheBatchSizeAreRefusedBeforeAnyCall() {
        config.put(UpstreamSettings.BATCH_SIZE, "2");
        UpstreamRegister register = register();
        assertEquals(2, register.batchSize());
        assertThrows(IllegalArgumentException.class, () -> register.lookup(List.of(A, B, C)));
        assertThrows(IllegalArgumentException.class, () -> register.lookup(List.of()));
        assertEquals(0, world.register().calls());
    }

    @Test
    void aRepeatedIdIsAskedOnce() throws Exception {
        config.put(UpstreamSettings.BATCH_SIZE, "2");
        UpstreamRegister.Answer answer = register().lookup(List.of(A, B, A));
        assertEquals(2, answer.persons().size());
        assertEquals(2, world.register().maxIdsPerCall());
    }

    @Test
    void aBatchSizeOutsideTheRangeIsAClearError() {
        config.put(UpstreamSettings.BATCH_SIZE, "5000");
        UpstreamRegister register = register();
        IllegalStateException e = assertThrows(IllegalStateException.class, register::batchSize);
        assertTrue(e.getMessage().startsWith("krr.reconcile.batch-size=5000 is not a whole number from 1 to 1000"), e.getMessage());
        UpstreamException lookup = assertThrows(UpstreamException.class, () -> register.lookup(List.of(A)));
        assertEquals(e.getMessage(), lookup.reason());
        assertFalse(lookup.retryable());
    }

    @Test
    void rateLimitsAreWaitedOutPerRetryAfter() throws Exception {
        world.register().failNext(2, Fault.RATE_LIMITED);
        assertEquals(1, register().lookup(List.of(A)).persons().size());
        assertEquals(3, world.register().calls());
        assertEquals(2, waits.size());
        waits.forEach(wait -> assertTrue(wait.compareTo(Duration.ofSeconds(1)) >= 0, "Retry-After: 1 honoured: " + wait));
    }

    @Test
    void serverErrorsBackOffExponentiallyWithJitter() throws Exception {
        world.register().failNext(3, Fault.UNAVAILABLE);
        register().lookup(List.of(A));
        assertEquals(3, waits.size());
        for (int i = 0; i < 3; i++) {
            Duration ceiling = Duration.ofMillis(200L << i);
            assertTrue(waits.get(i).compareTo(ceiling) <= 0, "wait " + (i + 1) + " " + waits.get(i) + " <= " + ceiling);
        }
    }

    @Test
    void timeoutsAndMalformedBodiesAreRetried() throws Exception {
        world.register().timeoutAfter(Duration.ofSeconds(2)).failNext(1, Fault.TIMEOUT).failNext(1, Fault.MALFORMED)
                .failNext(1, Fault.UNAVAILABLE_RETRY_AFTER).failNext(1, Fault.SERVER_ERROR);
        world.register().put(aktiv(A));
        assertEquals(Status.AKTIV, register().lookup(List.of(A)).persons().get(A.value()).status());
        assertEquals(5, world.register().calls());
        assertEquals(4, waits.size());
        assertTrue(waits.get(2).compareTo(Duration.ofSeconds(1)) >= 0, "503 with Retry-After: " + waits.get(2));
    }

    @Test
    void afterMaxAttemptsTheLookupFailsWithASafeReason() {
        config.put(UpstreamSettings.MAX_ATTEMPTS, "3");
        world.register().failNext(5, Fault.UNAVAILABLE);
        UpstreamException e = assertThrows(UpstreamException.class, () -> register().lookup(List.of(A, B)));
        assertEquals("gave up after 3 attempts, the last: the upstream register answered HTTP 503: the register is unavailable",
                e.reason());
        assertTrue(e.retryable());
        assertEquals(3, world.register().calls());
        assertEquals(2, waits.size());
    }

    @Test
    void a401DropsTheTokenAndTriesOnceMoreAtOnce() throws Exception {
        UpstreamRegister register = register();
        register.lookup(List.of(A));
        world.maskinporten().revokeAll();
        assertEquals(1, register.lookup(List.of(A)).persons().size());
        assertEquals(2, world.maskinporten().grants());
        assertEquals(3, world.register().calls());
        assertEquals(1, world.register().unauthorized());
        assertTrue(waits.isEmpty(), "no wait before the fresh token");
    }

    @Test
    void aSecond401Fails() {
        MaskinportenTokens bogus = new MaskinportenTokens(MaskinportenSettings.of(config), clock) {
            @Override
            public String token() {
                return "mp-not-issued-by-maskinporten";
            }
        };
        UpstreamException e = assertThrows(UpstreamException.class, () -> register(bogus).lookup(List.of(A)));
        assertEquals("the upstream register refused the Maskinporten token (HTTP 401): the token is unknown or expired, "
                + "also with a fresh token", e.reason());
        assertFalse(e.retryable());
        assertEquals(2, world.register().calls());
    }

    @Test
    void anExpiredTokenIsReplacedBeforeUse() throws Exception {
        UpstreamRegister register = register();
        register.lookup(List.of(A));
        int grants = world.maskinporten().grants();
        int refused = world.register().unauthorized();
        clock.advance(Duration.ofSeconds(121));
        register.lookup(List.of(A));
        assertEquals(grants + 1, world.maskinporten().grants(), "a fresh grant for the expired token");
        assertEquals(refused, world.register().unauthorized(), "the expired token was sent anyway");
    }

    @Test
    void otherClientErrorsFailAtOnce() {
        config.put(MaskinportenSettings.SCOPE, Maskinporten.DIGITALPOST_READ);
        UpstreamException e = assertThrows(UpstreamException.class, () -> register().lookup(List.of(A)));
        assertEquals("the upstream register answered HTTP 403: the token lacks scope krr:global/kontaktinformasjon.read",
                e.reason());
        assertFalse(e.retryable());
        assertEquals(1, world.register().calls());
        assertTrue(waits.isEmpty());
    }

    @Test
    void a400FailsAtOnce() {
        world.route("POST", "/broken/rest/v1/personer", exchange -> OutsideWorld.sendProblem(exchange, 400, "Bad Request",
                "ugyldig personidentifikator " + A.value()));
        try {
            config.put(UpstreamSettings.URL, world.baseUrl() + "/broken");
            UpstreamException e = assertThrows(UpstreamException.class, () -> register().lookup(List.of(A)));
            assertEquals("the upstream register answered HTTP 400: ugyldig personidentifikator " + A.masked(), e.reason());
            assertTrue(waits.isEmpty());
        } finally {
            world.removeRoute("POST", "/broken/rest/v1/personer");
        }
    }

    @Test
    void aMaskinportenRefusalFailsAtOnceWithoutCallingTheRegister() {
        world.maskinporten().failNext("invalid_client", "Invalid client certificate");
        UpstreamException e = assertThrows(UpstreamException.class, () -> register().lookup(List.of(A)));
        assertEquals("Maskinporten refused the grant: invalid_client (Invalid client certificate)", e.reason());
        assertFalse(e.retryable());
        assertEquals(0, world.register().calls());
    }

    @Test
    void aMaskinportenOutageIsRetried() throws Exception {
        world.maskinporten().failNext(503, "temporarily_unavailable", "maintenance");
        assertEquals(1, register().lookup(List.of(A)).persons().size());
        assertEquals(1, waits.size());
        assertEquals(1, world.register().calls());
    }

    @Test
    void anUnreachableRegisterIsRetriedThenGivenUp() {
        config.put(UpstreamSettings.URL, "http://127.0.0.1:1");
        config.put(UpstreamSettings.MAX_ATTEMPTS, "2");
        UpstreamException e = assertThrows(UpstreamException.class, () -> register().lookup(List.of(A)));
        assertTrue(e.reason().startsWith("gave up after 2 attempts, the last: cannot connect to the upstream register"), e.reason());
        assertTrue(e.retryable());
    }

    @Test
    void parallelLookupsThroughFaultsAllSucceedWithOneGrant() throws Exception {
        config.put(UpstreamSettings.MAX_ATTEMPTS, "12");
        world.register().put(aktiv(A)).put(aktiv(B));
        world.register().timeoutAfter(Duration.ofSeconds(1)).failRate(0.3, 2026);
        UpstreamRegister register = register();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<UpstreamRegister.Answer>> lookups = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                lookups.add(pool.submit(() -> register.lookup(List.of(A, B, C))));
            }
            for (Future<UpstreamRegister.Answer> lookup : lookups) {
                UpstreamRegister.Answer answer = lookup.get();
                assertEquals(3, answer.persons().size(), answer.invalid().toString());
            }
        }
        assertTrue(world.register().faults() > 0);
        assertEquals(1, world.maskinporten().grants());
        assertTrue(world.register().calls() > 40);
    }
}
