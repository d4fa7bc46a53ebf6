package no.krr.bench;

import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import no.krr.person.NationalId;
import no.krr.person.Person;
import no.krr.person.StoredPersons;
import no.krr.person.VarslingRule;
import no.krr.person.api.PersonView;
import no.krr.security.ClaimShape;
import no.krr.security.FieldGroup;
import no.krr.security.KeySources;
import no.krr.security.ScopeFieldGroups;
import no.krr.security.TokenVerifier;

/**
 * The floor of {@code GET /rest/v1/person} for {@code bench/api.sh}: only the work such a GET
 * cannot avoid, on the JDK's own HTTP server. The service's own {@link TokenVerifier} (Nimbus, the
 * same issuer, JWKS, audience, skew and claim checks), the {@code pid} and {@code acr} checks, one
 * prepared JDBC read by national id on the service's database, the service's {@link PersonView}
 * body and its ETag (SHA-256 of the body). No JAX-RS, CDI, JPA or servlet container: the bench
 * compares the service with this in the same run. Lives with the benchmarks, never in the WAR;
 * errors are bare status codes, and it serves JSON only.
 *
 * <pre>ReferenceServer PORT ISSUER JWKS AUDIENCE JDBC_URL USER PASSWORD</pre>
 */
public final class ReferenceServer {

    /** The claims the service reads, of the JSON type it expects (as the service's door checks them). */
    private static final Map<String, ClaimShape> SHAPES = Map.of("pid", ClaimShape.STRING, "scope", ClaimShape.STRING,
            "acr", ClaimShape.STRING, "client_id", ClaimShape.STRING, "azp", ClaimShape.STRING);
    private static final Set<String> ACR = Set.of("idporten-loa-substantial", "idporten-loa-high");
    /** The service's HTTP threads ({@code --maxHttpThreads 16}), and one connection each. */
    private static final int THREADS = 16;

    private final TokenVerifier verifier;
    private final VarslingRule rule = new VarslingRule(Clock.systemUTC());
    private final ThreadLocal<PreparedStatement> reads;

    private ReferenceServer(TokenVerifier verifier, String jdbc, String user, String password) {
        this.verifier = verifier;
        this.reads = ThreadLocal.withInitial(() -> {
            try {
                Connection c = DriverManager.getConnection(jdbc, user, password);
                return c.prepareStatement("select " + StoredPersons.COLUMNS + " from person where personidentifikator = ?");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public static void main(String[] args) throws Exception {
        TokenVerifier verifier = new TokenVerifier(new TokenVerifier.Rules(args[1], Optional.of(Set.of(args[3])),
                Duration.ofSeconds(30), SHAPES), KeySources.of(args[2]), Clock.systemUTC());
        ReferenceServer reference = new ReferenceServer(verifier, args[4], args[5], args.length > 6 ? args[6] : "");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0])), 1024);
        server.createContext("/rest/v1/person", reference::get);
        server.setExecutor(Executors.newFixedThreadPool(THREADS));
        server.start();
        System.out.println("reference server listening on " + server.getAddress());
    }

    private void get(HttpExchange exchange) throws IOException {
        try (exchange) {
            String accept = exchange.getRequestHeaders().getFirst("Accept");
            if (accept != null && !accept.contains("application/json") && !accept.contains("*/*")) {
                exchange.sendResponseHeaders(406, -1);
                return;
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            JWTClaimsSet claims;
            try {
                claims = verifier.verify(authorization == null ? "" : authorization.substring("Bearer ".length()).trim());
            } catch (TokenVerifier.Rejected | TokenVerifier.KeysUnavailable | RuntimeException e) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            Optional<NationalId> pid = claims.getClaim("pid") instanceof String p ? NationalId.parse(p) : Optional.empty();
            if (pid.isEmpty()) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            Set<FieldGroup> groups = ScopeFieldGroups.groupsFor(
                    ScopeFieldGroups.scopesOf(claims.getClaim("scope") instanceof String s ? s : ""), true);
            if (!ACR.contains(claims.getClaim("acr")) || groups.isEmpty()) {
                exchange.sendResponseHeaders(403, -1);
                return;
            }
            byte[] body = PersonView.bytes(read(pid.get()), pid.get(), groups, rule);
            var headers = exchange.getResponseHeaders();
            headers.set("Content-Type", "application/json;charset=UTF-8");
            headers.set("ETag", "\"" + etag(body) + "\"");
            headers.set("Cache-Control", "no-store");
            headers.set("Vary", "Accept, Authorization");
            headers.set("X-Content-Type-Options", "nosniff");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        } catch (SQLException e) {
            exchange.sendResponseHeaders(500, -1);
            throw new UncheckedIOException(new IOException(e));
        }
    }

    /** The service's ETag of a JSON body: SHA-256, base64url, 27 characters. */
    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<Person> read(NationalId id) throws SQLException {
        PreparedStatement select = reads.get();
        select.setString(1, id.value());
        try (ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
            return Optional.of(StoredPersons.fromRow(id, row));
        }
    }
}
