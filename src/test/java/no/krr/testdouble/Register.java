package no.krr.testdouble;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The upstream register double: {@code POST /register/rest/v1/personer} of {@link OutsideWorld}
 * (so {@code krr.upstream.url} is {@code world.registerUrl()}), the batch lookup of docs/register.md §5
 * over a data set the test plants.
 *
 * <p>It requires a bearer token the {@link Maskinporten} double issued, not expired, with scope
 * {@code krr:global/kontaktinformasjon.read} (401 / 403 otherwise, with RFC 6750
 * {@code WWW-Authenticate}); a body {@code {"personidentifikatorer":[…]}} of 1 to 1000 strings of
 * 11 digits (400 otherwise; more than 1000 also counts as a {@linkplain #violations() violation}).
 * It answers {@code {"personer":[…]}} in the order asked, each id once: the planted JSON exactly as
 * given (so tests can plant every timestamp shape and empty strings), or
 * {@code {"personidentifikator":…,"status":"IKKE_REGISTRERT"}} for an id it does not hold.
 *
 * <p>Faults, checked before anything else (as a gateway in front of the register would): a
 * {@link #latency} on every call; {@link #failNext} planted faults, taken first; then a
 * {@link #failRate} drawing from a seeded generator among 429 with {@code Retry-After: 1}, 503 with
 * and without {@code Retry-After: 1}, a timeout (sleeps {@link #timeoutAfter}, then answers
 * normally, long after a client with a shorter timeout gave up) and a malformed 200 body.
 */
public final class Register {

    /** Path of the lookup under {@link OutsideWorld#baseUrl()}. */
    public static final String PATH = "/register/rest/v1/personer";
    public static final int MAX_IDS = 1000;
    static final String SCOPE = Maskinporten.KONTAKTINFORMASJON_READ;
    private static final Pattern ELEVEN_DIGITS = Pattern.compile("\\d{11}");

    /** The faults it can play. */
    public enum Fault {
        /** 429 with {@code Retry-After: 1}. */
        RATE_LIMITED,
        /** 503 without {@code Retry-After}. */
        UNAVAILABLE,
        /** 503 with {@code Retry-After: 1}. */
        UNAVAILABLE_RETRY_AFTER,
        /** 500 (never drawn by {@link #failRate}; plant it with {@link #failNext}). */
        SERVER_ERROR,
        /** Sleeps {@link #timeoutAfter}, then answers normally. */
        TIMEOUT,
        /** 200 with a truncated JSON body. */
        MALFORMED
    }

    private static final Fault[] DRAWN = {Fault.RATE_LIMITED, Fault.UNAVAILABLE, Fault.UNAVAILABLE_RETRY_AFTER,
            Fault.TIMEOUT, Fault.MALFORMED};

    private final Maskinporten maskinporten;
    private final Map<String, String> persons = new ConcurrentHashMap<>();
    private final Deque<Fault> planted = new ArrayDeque<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger maxIdsPerCall = new AtomicInteger();
    private final AtomicLong idsServed = new AtomicLong();
    private final AtomicInteger violations = new AtomicInteger();
    private final AtomicInteger faults = new AtomicInteger();
    private final AtomicInteger unauthorized = new AtomicInteger();
    private final AtomicInteger inLatency = new AtomicInteger();
    private final AtomicLong generation = new AtomicLong();
    private final AtomicInteger maxInLatency = new AtomicInteger();
    private volatile Duration latency = Duration.ZERO;
    private volatile Duration timeoutAfter = Duration.ofSeconds(30);
    private volatile double failRate;
    private volatile Random faultRandom = new Random(0);

    Register(Maskinporten maskinporten) {
        this.maskinporten = maskinporten;
    }

    // ---- data set ---------------------------------------------------------------------------

    /**
     * Plants one person, served byte for byte as given. It must be a JSON object with a string
     * {@code personidentifikator}; nothing else is checked (plant broken persons freely). A second
     * person with the same id replaces the first.
     */
    public Register put(String personJson) {
        Object pid;
        try {
            pid = JSONObjectUtils.parse(personJson).get("personidentifikator");
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getMessage(), e);
        }
        if (!(pid instanceof String id)) {
            throw new IllegalArgumentException("the person has no string personidentifikator");
        }
        persons.put(id, personJson.strip());
        return this;
    }

    public Register putAll(Stream<String> personJsons) {
        personJsons.forEach(this::put);
        return this;
    }

    public Register clear() {
        persons.clear();
        return this;
    }

    /** Persons planted. */
    public int size() {
        return persons.size();
    }

    // ---- faults -------------------------------------------------------------------------------

    /** Every call waits this long before anything else. */
    public Register latency(Duration value) {
        this.latency = value;
        return this;
    }

    /** A {@link Fault#TIMEOUT} sleeps this long before it answers (default 30 s). */
    public Register timeoutAfter(Duration value) {
        this.timeoutAfter = value;
        return this;
    }

    /**
     * Fails this share of the calls ({@code 0} to {@code 1}), drawing whether and which fault
     * (429, 503, 503 with Retry-After, timeout, malformed) from a generator seeded with {@code seed}:
     * the same seed and calls give the same faults.
     */
    public Register failRate(double rate, long seed) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("rate must be from 0 to 1");
        }
        this.faultRandom = new Random(seed);
        this.failRate = rate;
        return this;
    }

    /** The next {@code count} calls fail with {@code fault}, before any {@link #failRate}. */
    public Register failNext(int count, Fault fault) {
        synchronized (planted) {
            for (int i = 0; i < count; i++) {
                planted.add(fault);
            }
        }
        return this;
    }

    /** No faults, no latency, statistics zero; the data set stays ({@link #clear()} empties it). */
    public Register reset() {
        synchronized (planted) {
            planted.clear();
        }
        latency = Duration.ZERO;
        timeoutAfter = Duration.ofSeconds(30);
        failRate = 0;
        generation.incrementAndGet();
        calls.set(0);
        maxInLatency.set(0);
        maxIdsPerCall.set(0);
        idsServed.set(0);
        violations.set(0);
        faults.set(0);
        unauthorized.set(0);
        return this;
    }

    // ---- statistics ---------------------------------------------------------------------------

    /** Every request that reached the lookup, faults and refusals included. */
    public int calls() {
        return calls.get();
    }

    /** The most ids one request asked for (oversized requests included: that is what it is for). */
    public int maxIdsPerCall() {
        return maxIdsPerCall.get();
    }

    /** Persons answered in 200 answers, summed over the calls. */
    public long idsServed() {
        return idsServed.get();
    }

    /** Requests of more than 1000 ids. */
    public int violations() {
        return violations.get();
    }

    /** Faults played (planted and drawn). */
    public int faults() {
        return faults.get();
    }

    /** The most calls that were waiting out their {@link #latency} at the same time. */
    public int maxConcurrentCalls() {
        return maxInLatency.get();
    }

    /** Requests refused with 401. */
    public int unauthorized() {
        return unauthorized.get();
    }

    // ---- the endpoint -------------------------------------------------------------------------

    /**
     * Whether the double was reset while this call slept: the call belongs to a test that is over
     * (its client gave up), and answering it now would count a refusal of a token the reset
     * forgot into the next test's figures (seen as a flaky UpstreamRegisterTest on a loaded machine).
     */
    private boolean outlived(long born, HttpExchange exchange) {
        if (born == generation.get()) {
            return false;
        }
        exchange.close();
        return true;
    }

    void handle(HttpExchange exchange) throws IOException {
        long born = generation.get();
        calls.incrementAndGet();
        byte[] requestBody = exchange.getRequestBody().readAllBytes();
        maxInLatency.accumulateAndGet(inLatency.incrementAndGet(), Math::max);
        boolean slept = sleep(latency);
        inLatency.decrementAndGet();
        if (!slept || outlived(born, exchange)) {
            return;
        }
        Optional<Fault> fault = nextFault();
        if (fault.isPresent()) {
            faults.incrementAndGet();
            switch (fault.get()) {
                case RATE_LIMITED -> {
                    exchange.getResponseHeaders().set("Retry-After", "1");
                    OutsideWorld.sendProblem(exchange, 429, "Too Many Requests", "rate limit exceeded");
                    return;
                }
                case UNAVAILABLE -> {
                    OutsideWorld.sendProblem(exchange, 503, "Service Unavailable", "the register is unavailable");
                    return;
                }
                case UNAVAILABLE_RETRY_AFTER -> {
                    exchange.getResponseHeaders().set("Retry-After", "1");
                    OutsideWorld.sendProblem(exchange, 503, "Service Unavailable", "the register is unavailable");
                    return;
                }
                case SERVER_ERROR -> {
                    OutsideWorld.sendProblem(exchange, 500, "Internal Server Error", "something broke");
                    return;
                }
                case MALFORMED -> {
                    OutsideWorld.sendJson(exchange, 200, "{\"personer\":[{\"personidentifikator\":");
                    return;
                }
                case TIMEOUT -> {
                    if (!sleep(timeoutAfter) || outlived(born, exchange)) {
                        return;
                    }
                    try {
                        answer(exchange, new String(requestBody, StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        // the client gave up long ago, as it should have
                    }
                    return;
                }
            }
        }
        answer(exchange, new String(requestBody, StandardCharsets.UTF_8));
    }

    private void answer(HttpExchange exchange, String requestBody) throws IOException {
        String authorization = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")).orElse("");
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            unauthorized.incrementAndGet();
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
            OutsideWorld.sendProblem(exchange, 401, "Unauthorized", "a Maskinporten bearer token is required");
            return;
        }
        Optional<Maskinporten.IssuedToken> token = maskinporten.introspect(authorization.substring(7).trim());
        if (token.isEmpty()) {
            unauthorized.incrementAndGet();
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            OutsideWorld.sendProblem(exchange, 401, "Unauthorized", "the token is unknown or expired");
            return;
        }
        if (!token.get().scopes().contains(SCOPE)) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\"" + SCOPE + "\"");
            OutsideWorld.sendProblem(exchange, 403, "Forbidden", "the token lacks scope " + SCOPE);
            return;
        }
        List<String> ids;
        try {
            Object list = JSONObjectUtils.parse(requestBody).get("personidentifikatorer");
            if (!(list instanceof List<?> raw)) {
                OutsideWorld.sendProblem(exchange, 400, "Bad Request", "personidentifikatorer must be an array");
                return;
            }
            ids = new ArrayList<>();
            for (Object id : raw) {
                if (!(id instanceof String s) || !ELEVEN_DIGITS.matcher(s).matches()) {
                    OutsideWorld.sendProblem(exchange, 400, "Bad Request", "every personidentifikator must be 11 digits");
                    return;
                }
                ids.add(s);
            }
        } catch (ParseException e) {
            OutsideWorld.sendProblem(exchange, 400, "Bad Request", "the body must be {\"personidentifikatorer\":[...]}");
            return;
        }
        maxIdsPerCall.accumulateAndGet(ids.size(), Math::max);
        if (ids.isEmpty()) {
            OutsideWorld.sendProblem(exchange, 400, "Bad Request", "personidentifikatorer must not be empty");
            return;
        }
        if (ids.size() > MAX_IDS) {
            violations.incrementAndGet();
            OutsideWorld.sendProblem(exchange, 400, "Bad Request", "at most " + MAX_IDS + " personidentifikatorer per call, not "
                    + ids.size());
            return;
        }
        StringBuilder body = new StringBuilder("{\"personer\":[");
        int served = 0;
        for (String id : new LinkedHashSet<>(ids)) {
            if (served++ > 0) {
                body.append(',');
            }
            body.append(persons.getOrDefault(id, "{\"personidentifikator\":\"" + id + "\",\"status\":\"IKKE_REGISTRERT\"}"));
        }
        body.append("]}");
        idsServed.addAndGet(served);
        OutsideWorld.sendJson(exchange, 200, body.toString());
    }

    private Optional<Fault> nextFault() {
        synchronized (planted) {
            Fault next = planted.poll();
            if (next != null) {
                return Optional.of(next);
            }
        }
        double rate = failRate;
        if (rate <= 0) {
            return Optional.empty();
        }
        Random random = faultRandom;
        synchronized (random) {
            if (random.nextDouble() >= rate) {
                return Optional.empty();
            }
            return Optional.of(DRAWN[random.nextInt(DRAWN.length)]);
        }
    }

    /** Sleeps; false when interrupted (the double is closing). */
    private static boolean sleep(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return true;
        }
        try {
            Thread.sleep(duration);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
