package no.krr.testdouble;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The test double of everything outside the service: one small HTTP server on 127.0.0.1 that plays
 * ID-porten (issuer, discovery document, JWKS, a token-minting endpoint for people), the agency's
 * own identity provider (the admin issuer, {@link AgencyIdp}: its own keys, discovery document,
 * JWKS and an admin-token endpoint), Maskinporten
 * (the JWT-bearer token endpoint, {@link Maskinporten}) and the upstream register's batch lookup
 * ({@link Register}). Used by the Arquillian container tests, the unit tests of the upstream client
 * and the sandbox; it lives under {@code src/test} and never ships in the WAR. Requests are served
 * on virtual threads, so slow answers (latency, timeouts) never hold up the others.
 *
 * <p><b>Why not {@code no.nav.security:mock-oauth2-server}?</b> It would cover the ID-porten part,
 * but the Maskinporten double must enforce grant rules that it does not check (assertion
 * {@code exp - iat <= 120 s}, a {@code jti} never seen before, an {@code x5c} chain or a registered
 * {@code kid}), and the upstream register double has to be our own anyway (batch semantics,
 * {@code IKKE_REGISTRERT} for unknown ids, switchable faults). One small JDK {@link HttpServer}
 * keeps all three in one place, with one port to configure and no extra dependency.
 *
 * <h2>Routes</h2>
 * <pre>
 * GET /idporten/.well-known/openid-configuration   issuer, jwks_uri, token_endpoint, ...
 * GET /idporten/jwks.json                          the public signing key(s)
 * GET /idporten/token?pid=&amp;scope=&amp;acr=&amp;lifetime=&amp;aud=&amp;client_id=
 *                                                  a signed access token (text/plain)
 * GET /agency/.well-known/openid-configuration     the agency's identity provider ({@link AgencyIdp}): issuer, jwks_uri
 * GET /agency/jwks.json                            its public signing key(s)
 * GET /agency/admin-token?sub=&amp;client_id=&amp;aud=&amp;scope=&amp;lifetime=
 *                                                  a signed admin token (text/plain)
 * GET /agency/authorize, POST /agency/authorize, POST /agency/token, GET /agency/logout   the console's login ({@link AgencyLogin})
 * POST /maskinporten/token                         JWT-bearer grant ({@link Maskinporten})
 * POST /register/rest/v1/personer                  batch lookup ({@link Register})
 * </pre>
 *
 * <p>Wiring the service to it: {@code krr.upstream.url = registerUrl()},
 * {@code krr.maskinporten.token-url = maskinportenTokenUrl()},
 * {@code krr.maskinporten.audience = maskinportenAudience()}, and a client keystore from
 * {@link MaskinportenClient} whose certificate {@code maskinporten().trust(...)} accepts
 * ({@link MaskinportenClient#config(OutsideWorld)} gives all of these as one map).
 * More routes are added with {@link #route(String, String, HttpHandler)}; a path ending in
 * {@code /*} matches every path below it. Unknown path: 404, known path with another method: 405,
 * both as RFC 9457 problem JSON.
 */
public final class OutsideWorld implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OutsideWorld.class.getName());

    /** Path prefix of the ID-porten part; the issuer is {@code baseUrl() + IDPORTEN_PATH}. */
    public static final String IDPORTEN_PATH = "/idporten";
    /**
     * Path prefix of the agency's identity provider (the admin issuer); the issuer is
     * {@code baseUrl() + AGENCY_PATH}; its login for the console ({@link AgencyLogin}) is at
     * {@code /agency/authorize}, {@code /agency/token} and {@code /agency/logout}.
     */
    public static final String AGENCY_PATH = "/agency";
    /** Path prefix of the Maskinporten part; the audience is {@code baseUrl() + "/maskinporten/"}. */
    public static final String MASKINPORTEN_PATH = "/maskinporten";
    /** Path prefix of the upstream register: {@code krr.upstream.url} is {@code baseUrl() + "/register"}. */
    public static final String REGISTER_PATH = "/register";

    private final HttpServer server;
    private final ExecutorService executor;
    private final String baseUrl;
    private final IdPorten idporten;
    private final AgencyIdp agency;
    private final Maskinporten maskinporten;
    private final Register register;
    /** "METHOD path" (exact) or "METHOD path/*" (prefix) to handler. */
    private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();
    private final AtomicInteger jwksRequests = new AtomicInteger();

    private OutsideWorld(int port, Clock clock, String host) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        baseUrl = "http://" + host + ":" + server.getAddress().getPort();
        idporten = new IdPorten(baseUrl + IDPORTEN_PATH, clock);
        agency = new AgencyIdp(baseUrl + AGENCY_PATH, clock);
        maskinporten = new Maskinporten(baseUrl + MASKINPORTEN_PATH + "/", clock);
        register = new Register(maskinporten);
        addIdPortenRoutes();
        addAgencyRoutes();
        route("POST", MASKINPORTEN_PATH + "/token", maskinporten::handle);
        route("POST", Register.PATH, register::handle);
        server.start();
    }

    /** Starts the double on 127.0.0.1 at {@code port} (0 = a free port) with the system clock. */
    public static OutsideWorld start(int port) {
        return start(port, Clock.systemUTC());
    }

    /** Starts the double on a free port with the system clock. */
    public static OutsideWorld start() {
        return start(0);
    }

    /** Starts the double; {@code clock} decides "now" for the tokens it mints. */
    public static OutsideWorld start(int port, Clock clock) {
        return start(port, clock, "127.0.0.1");
    }

    /**
     * Starts the double on the loopback address, named {@code host} in its URLs and issuers:
     * {@code localhost} puts it on another site than a service at {@code 127.0.0.1}, as an identity
     * provider is in production (a browser then keeps its {@code SameSite} cookies from it).
     */
    public static OutsideWorld start(int port, Clock clock, String host) {
        try {
            return new OutsideWorld(port, clock, host);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the outside-world double on port " + port, e);
        }
    }

    /** {@code http://127.0.0.1:<port>} (or the host it was started with), no trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The ID-porten double: keys and the token builder. */
    public IdPorten idporten() {
        return idporten;
    }

    /** The ID-porten issuer, {@code baseUrl() + "/idporten"}: the value for {@code mp.jwt.verify.issuer}. */
    public String idportenIssuer() {
        return idporten.issuer();
    }

    /** The JWKS URL: the value for {@code mp.jwt.verify.publickey.location}. */
    public String idportenJwksUrl() {
        return idporten.issuer() + "/jwks.json";
    }

    public String idportenConfigurationUrl() {
        return idporten.issuer() + "/.well-known/openid-configuration";
    }

    public String idportenTokenUrl() {
        return idporten.issuer() + "/token";
    }

    /** The agency's identity provider: keys and the admin token builder. */
    public AgencyIdp agency() {
        return agency;
    }

    /** The admin issuer, {@code baseUrl() + "/agency"}: the value for {@code krr.admin.issuer}. */
    public String agencyIssuer() {
        return agency.issuer();
    }

    /** The agency's JWKS URL: the value for {@code krr.admin.jwks}. */
    public String agencyJwksUrl() {
        return agency.issuer() + "/jwks.json";
    }

    public String agencyConfigurationUrl() {
        return agency.issuer() + "/.well-known/openid-configuration";
    }

    /** The endpoint that mints admin tokens for the sandbox and by hand. */
    public String agencyAdminTokenUrl() {
        return agency.issuer() + "/admin-token";
    }

    /** The Maskinporten double: trusted client certificates, token lifetime, planted failures, counts. */
    public Maskinporten maskinporten() {
        return maskinporten;
    }

    /** The token endpoint: the value for {@code krr.maskinporten.token-url}. */
    public String maskinportenTokenUrl() {
        return baseUrl + MASKINPORTEN_PATH + "/token";
    }

    /** The {@code aud} the Maskinporten double wants: the value for {@code krr.maskinporten.audience}. */
    public String maskinportenAudience() {
        return maskinporten.audience();
    }

    /** The upstream register double: data set, faults, statistics. */
    public Register register() {
        return register;
    }

    /** The value for {@code krr.upstream.url}: {@code baseUrl() + "/register"}. */
    public String registerUrl() {
        return baseUrl + REGISTER_PATH;
    }

    /** How many times the JWKS has been fetched (to prove a resource server refreshes it on an unknown kid). */
    public int jwksRequests() {
        return jwksRequests.get();
    }

    /**
     * Adds (or replaces) a route. {@code path} is exact, or ends in {@code /*} to match everything
     * below it (the longest prefix wins). The handler must send a response; an exception becomes 500.
     */
    public OutsideWorld route(String method, String path, HttpHandler handler) {
        routes.put(method.toUpperCase(java.util.Locale.ROOT) + " " + path, handler);
        return this;
    }

    /** Removes a route added with {@link #route}. */
    public OutsideWorld removeRoute(String method, String path) {
        routes.remove(method.toUpperCase(java.util.Locale.ROOT) + " " + path);
        return this;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- ID-porten -------------------------------------------------------------------------

    private void addIdPortenRoutes() {
        route("GET", IDPORTEN_PATH + "/.well-known/openid-configuration", exchange -> {
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("issuer", idporten.issuer());
            config.put("jwks_uri", idportenJwksUrl());
            config.put("token_endpoint", idportenTokenUrl());
            config.put("authorization_endpoint", idporten.issuer() + "/authorize");
            config.put("response_types_supported", List.of("code"));
            config.put("grant_types_supported", List.of("authorization_code"));
            config.put("subject_types_supported", List.of("pairwise"));
            config.put("id_token_signing_alg_values_supported", List.of("RS256"));
            config.put("token_endpoint_auth_methods_supported", List.of("private_key_jwt"));
            config.put("acr_values_supported", List.of(IdPorten.ACR_SUBSTANTIAL, IdPorten.ACR_HIGH));
            config.put("ui_locales_supported", List.of("nb", "nn", "en", "se"));
            sendJson(exchange, 200, JSONObjectUtils.toJSONString(config));
        });
        route("GET", IDPORTEN_PATH + "/jwks.json", exchange -> {
            jwksRequests.incrementAndGet();
            sendJson(exchange, 200, idporten.jwksJson());
        });
        route("GET", IDPORTEN_PATH + "/token", this::mintForHuman);
    }

    /**
     * {@code GET /idporten/token?pid=&scope=&acr=&lifetime=&aud=&client_id=}: a signed, good token
     * for a person. {@code scope} is space-separated (default: all user scopes), {@code acr}
     * defaults to {@code idporten-loa-substantial}, {@code lifetime} is in seconds (default 3600, so a
     * sandbox user can work with it for an hour). Without {@code pid} the token has no pid claim
     * (the service refuses an ID-porten token on {@code /admin} whatever its scope). Nothing is validated: the double mints what it is asked.
     */
    private void mintForHuman(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange);
        IdPorten.Token token = idporten.token();
        Optional.ofNullable(query.get("pid")).filter(s -> !s.isBlank()).ifPresent(token::pid);
        Optional.ofNullable(query.get("scope")).filter(s -> !s.isBlank())
                .ifPresent(s -> token.scope(s.trim().split("\\s+")));
        Optional.ofNullable(query.get("acr")).filter(s -> !s.isBlank()).ifPresent(token::acr);
        Optional.ofNullable(query.get("aud")).filter(s -> !s.isBlank()).ifPresent(token::audience);
        Optional.ofNullable(query.get("client_id")).filter(s -> !s.isBlank()).ifPresent(token::clientId);
        sendToken(exchange, token, query);
    }

    // ---- the agency's identity provider ---------------------------------------------------

    private void addAgencyRoutes() {
        route("GET", AGENCY_PATH + "/.well-known/openid-configuration", exchange -> {
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("issuer", agency.issuer());
            config.put("jwks_uri", agencyJwksUrl());
            config.put("authorization_endpoint", agency.issuer() + "/authorize");
            config.put("token_endpoint", agency.issuer() + "/token");
            config.put("end_session_endpoint", agency.issuer() + "/logout");
            config.put("response_types_supported", List.of("code"));
            config.put("grant_types_supported", List.of("authorization_code"));
            config.put("code_challenge_methods_supported", List.of("S256"));
            config.put("token_endpoint_auth_methods_supported", List.of("none"));
            config.put("subject_types_supported", List.of("public"));
            config.put("id_token_signing_alg_values_supported", List.of("RS256"));
            config.put("scopes_supported", List.of("openid", AgencyIdp.ADMIN_SCOPE));
            sendJson(exchange, 200, JSONObjectUtils.toJSONString(config));
        });
        route("GET", AGENCY_PATH + "/jwks.json", exchange -> sendJson(exchange, 200, agency.jwksJson()));
        route("GET", AGENCY_PATH + "/admin-token", this::mintForOperator);
        AgencyLogin login = new AgencyLogin(agency);
        route("GET", AGENCY_PATH + "/authorize", login::page);
        route("POST", AGENCY_PATH + "/authorize", login::choose);
        route("POST", AGENCY_PATH + "/token", login::token);
        route("GET", AGENCY_PATH + "/logout", login::logout);
    }

    /**
     * {@code GET /agency/admin-token?sub=&client_id=&aud=&scope=&lifetime=}: a signed admin token.
     * Defaults: {@code sub} {@value AgencyIdp#DEFAULT_SUB}, {@code client_id}
     * {@value AgencyIdp#DEFAULT_CLIENT_ID}, {@code aud} {@value AgencyIdp#DEFAULT_AUDIENCE},
     * {@code scope} {@value AgencyIdp#ADMIN_SCOPE} (space-separated), {@code lifetime} 3600 s.
     * Nothing is validated: the double mints what it is asked.
     */
    private void mintForOperator(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange);
        IdPorten.Token token = agency.token();
        Optional.ofNullable(query.get("sub")).filter(s -> !s.isBlank()).ifPresent(token::subject);
        Optional.ofNullable(query.get("client_id")).filter(s -> !s.isBlank()).ifPresent(token::clientId);
        Optional.ofNullable(query.get("aud")).filter(s -> !s.isBlank()).ifPresent(token::audience);
        Optional.ofNullable(query.get("scope")).filter(s -> !s.isBlank())
                .ifPresent(s -> token.scope(s.trim().split("\\s+")));
        sendToken(exchange, token, query);
    }

    private static void sendToken(HttpExchange exchange, IdPorten.Token token, Map<String, String> query) throws IOException {
        long lifetime;
        try {
            lifetime = Long.parseLong(query.getOrDefault("lifetime", "3600"));
        } catch (NumberFormatException e) {
            sendProblem(exchange, 400, "Bad Request", "lifetime must be a number of seconds");
            return;
        }
        token.lifetime(Duration.ofSeconds(lifetime));
        send(exchange, 200, "text/plain; charset=utf-8", token.mint());
    }

    // ---- dispatch and small HTTP helpers (static: the later doubles use them too) ----------

    private void dispatch(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
            String path = exchange.getRequestURI().getPath();
            HttpHandler handler = find(method, path);
            if (handler == null) {
                boolean otherMethod = routes.keySet().stream()
                        .anyMatch(key -> matches(key.substring(key.indexOf(' ') + 1), path));
                if (otherMethod) {
                    exchange.getResponseHeaders().set("Allow", String.join(", ", allowed(path)));
                    sendProblem(exchange, 405, "Method Not Allowed", method + " is not allowed on " + path);
                } else {
                    sendProblem(exchange, 404, "Not Found", "the outside-world double has no route " + path);
                }
                return;
            }
            try {
                handler.handle(exchange);
            } catch (RuntimeException | IOException e) {
                LOG.log(Level.WARNING, "outside-world double: " + method + " " + path + " failed", e);
                if (exchange.getResponseCode() == -1) {
                    sendProblem(exchange, 500, "Internal Server Error", String.valueOf(e.getMessage()));
                }
            }
        }
    }

    private HttpHandler find(String method, String path) {
        HttpHandler exact = routes.get(method + " " + path);
        if (exact != null) {
            return exact;
        }
        String best = null;
        for (String key : routes.keySet()) {
            if (!key.startsWith(method + " ") || !key.endsWith("/*")) {
                continue;
            }
            String pattern = key.substring(method.length() + 1);
            if (matches(pattern, path) && (best == null || pattern.length() > best.length())) {
                best = pattern;
            }
        }
        return best == null ? null : routes.get(method + " " + best);
    }

    private List<String> allowed(String path) {
        return routes.keySet().stream()
                .filter(key -> matches(key.substring(key.indexOf(' ') + 1), path))
                .map(key -> key.substring(0, key.indexOf(' ')))
                .distinct().sorted().toList();
    }

    private static boolean matches(String pattern, String path) {
        if (pattern.endsWith("/*")) {
            String prefix = pattern.substring(0, pattern.length() - 2);
            return path.equals(prefix) || path.startsWith(prefix + "/");
        }
        return pattern.equals(path);
    }

    /** The query parameters of the request, URL-decoded; the first value wins. */
    public static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        Arrays.stream(raw.split("&")).filter(p -> !p.isEmpty()).forEach(pair -> {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(name, value);
        });
        return params;
    }

    public static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    public static void sendJson(HttpExchange exchange, int status, String json) throws IOException {
        send(exchange, status, "application/json", json);
    }

    /** An RFC 9457 problem body. */
    public static void sendProblem(HttpExchange exchange, int status, String title, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        send(exchange, status, "application/problem+json", JSONObjectUtils.toJSONString(problem));
    }
}
