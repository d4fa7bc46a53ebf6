package no.krr.upstream;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;

/**
 * Maskinporten access tokens for the upstream register (docs/register.md §4), by the JWT-bearer grant:
 * {@code POST krr.maskinporten.token-url} with a form of {@code grant_type} and an
 * {@code assertion} that this class signs (RS256) with the key of the business certificate in
 * {@code krr.maskinporten.keystore}, the certificate chain in {@code x5c}.
 *
 * <p>The token is cached and reused until shortly before it expires: the larger of 20 s and a tenth
 * of its lifetime, but never more than half of it, before {@code expires_in} runs out (measured from
 * when the grant was sent). One grant at a time: parallel callers wait for the one grant in flight
 * instead of each asking Maskinporten. {@link #invalidate(String)} drops a token the register
 * refused (401), so the next call gets a fresh one.
 *
 * <p>The call uses the JDK's {@link HttpClient}, not a MicroProfile Rest Client: it is one plain
 * form POST, it runs the same in a unit test against the Maskinporten double as in the server, and
 * its failures are classified here, not by the Fault Tolerance of the lookup (a failed grant is
 * retried by the lookup's own loop). The keystore is read once, on first use.
 *
 * <p>Nothing here logs or reports a token or an assertion.
 */
@ApplicationScoped
public class MaskinportenTokens {

    private static final Logger LOG = Logger.getLogger(MaskinportenTokens.class.getName());

    public static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    /** Maskinporten refuses an assertion that lives longer (docs/register.md §4). */
    public static final Duration ASSERTION_LIFETIME = Duration.ofSeconds(120);
    static final Duration MIN_MARGIN = Duration.ofSeconds(20);
    /** When Maskinporten names no lifetime, trust the token this long. */
    static final Duration UNKNOWN_LIFETIME = Duration.ofSeconds(60);

    @Inject
    MaskinportenSettings settings;

    @Inject
    Clock clock;

    private final ReentrantLock grantLock = new ReentrantLock();
    private volatile Token current;
    private volatile ClientKey key;
    private volatile HttpClient http;

    /** A token and when to stop using it. */
    private record Token(String value, Instant refreshAt) {
    }

    /** The signing key and its certificate chain, leaf first, as {@code x5c} carries it. */
    record ClientKey(RSAPrivateKey privateKey, List<Base64> chain) {
    }

    /** For CDI. */
    protected MaskinportenTokens() {
    }

    /** For tests and tools: the settings and clock given. */
    public MaskinportenTokens(MaskinportenSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * A valid access token: the cached one, or a fresh one from Maskinporten.
     *
     * @throws UpstreamException when no token can be had; {@link UpstreamException#retryable()} tells
     *                           a Maskinporten outage from a refusal or a configuration error
     */
    public String token() throws UpstreamException {
        Token token = current;
        if (fresh(token)) {
            return token.value();
        }
        try {
            grantLock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamException("interrupted while waiting for a Maskinporten token", true);
        }
        try {
            token = current;
            if (fresh(token)) {
                return token.value(); // another caller's grant
            }
            token = grant();
            current = token;
            return token.value();
        } finally {
            grantLock.unlock();
        }
    }

    /** Forgets the cached token, whatever it is. */
    public void invalidate() {
        current = null;
    }

    /**
     * Forgets the cached token if it is still {@code rejected}: when many callers saw the same 401,
     * only the first one costs a grant.
     */
    public void invalidate(String rejected) {
        Token token = current;
        if (token != null && token.value().equals(rejected)) {
            current = null;
        }
    }

    private boolean fresh(Token token) {
        return token != null && clock.instant().isBefore(token.refreshAt());
    }

    /** How long before expiry a token is replaced: see the class comment. */
    static Duration margin(Duration lifetime) {
        Duration tenth = lifetime.dividedBy(10);
        Duration margin = tenth.compareTo(MIN_MARGIN) > 0 ? tenth : MIN_MARGIN;
        Duration half = lifetime.dividedBy(2);
        return margin.compareTo(half) > 0 ? half : margin;
    }

    private Token grant() throws UpstreamException {
        URI tokenUrl = settings.tokenUrl();
        Instant now = clock.instant();
        String assertion = assertion(now);
        String form = "grant_type=" + URLEncoder.encode(GRANT_TYPE, StandardCharsets.UTF_8)
                + "&assertion=" + URLEncoder.encode(assertion, StandardCharsets.UTF_8);
        Duration timeout = settings.timeout();
        HttpRequest request = HttpRequest.newBuilder(tokenUrl)
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response;
        try {
            response = http(timeout).send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UpstreamException("Maskinporten could not be reached at " + tokenUrl + ": "
                    + UpstreamFailure.of(e, now).reason(), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamException("interrupted while asking Maskinporten for a token", true);
        }
        return token(response, now);
    }

    /** Reads the answer of the token endpoint; {@code sentAt} is when the grant went out. */
    private static Token token(HttpResponse<String> response, Instant sentAt) throws UpstreamException {
        int status = response.statusCode();
        Optional<JsonObject> json = json(response.body());
        if (status < 200 || status >= 300) {
            Optional<String> error = json.flatMap(o -> text(o, "error"));
            boolean retryable = status == 429 || status >= 500;
            if (error.isPresent()) {
                String description = json.flatMap(o -> text(o, "error_description")).map(d -> " (" + d + ")").orElse("");
                throw new UpstreamException("Maskinporten refused the grant: " + error.get() + description
                        + (retryable ? " (HTTP " + status + ")" : ""), retryable);
            }
            throw new UpstreamException("Maskinporten answered the grant with HTTP " + status, retryable);
        }
        Optional<String> accessToken = json.flatMap(o -> text(o, "access_token"));
        if (accessToken.isEmpty()) {
            throw new UpstreamException("Maskinporten answered the grant without an access_token", true);
        }
        Duration lifetime = json.map(o -> o.get("expires_in"))
                .filter(JsonNumber.class::isInstance).map(v -> ((JsonNumber) v).longValue())
                .filter(seconds -> seconds > 0).map(Duration::ofSeconds)
                .orElse(UNKNOWN_LIFETIME);
        return new Token(accessToken.get(), sentAt.plus(lifetime).minus(margin(lifetime)));
    }

    /** The signed JWT-bearer assertion for a grant at {@code now}; package-private for tests. */
    String assertion(Instant now) throws UpstreamException {
        ClientKey client = clientKey();
        Instant iat = Instant.ofEpochSecond(now.getEpochSecond()); // JWT times are whole seconds
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .audience(settings.audience())
                .issuer(settings.clientId())
                .claim("scope", settings.scope())
                .issueTime(Date.from(iat))
                .expirationTime(Date.from(iat.plus(ASSERTION_LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).x509CertChain(client.chain()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(client.privateKey()));
        } catch (JOSEException e) {
            throw new UpstreamException("cannot sign the Maskinporten grant with the key of " + MaskinportenSettings.KEYSTORE
                    + ": " + e.getMessage(), false, e);
        }
        return jwt.serialize();
    }

    private ClientKey clientKey() throws UpstreamException {
        ClientKey k = key;
        if (k == null) {
            synchronized (this) {
                k = key;
                if (k == null) {
                    k = load();
                    key = k;
                }
            }
        }
        return k;
    }

    private ClientKey load() throws UpstreamException {
        Path path = settings.keystore();
        char[] password = settings.keystorePassword();
        KeyStore store;
        try (InputStream in = Files.newInputStream(path)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
        } catch (NoSuchFileException e) {
            throw new UpstreamException(MaskinportenSettings.KEYSTORE + ": there is no file " + path.toAbsolutePath() + ".", false);
        } catch (IOException | GeneralSecurityException e) {
            throw new UpstreamException(MaskinportenSettings.KEYSTORE + ": cannot open " + path.toAbsolutePath()
                    + " as PKCS#12 with " + MaskinportenSettings.KEYSTORE_PASSWORD + " (wrong password, or not a PKCS#12 file)",
                    false, e);
        }
        try {
            String alias = alias(store, path);
            PrivateKey privateKey;
            try {
                privateKey = (PrivateKey) store.getKey(alias, password);
            } catch (UnrecoverableKeyException e) {
                throw new UpstreamException("the key '" + alias + "' of " + MaskinportenSettings.KEYSTORE + " cannot be read with "
                        + MaskinportenSettings.KEYSTORE_PASSWORD + ": its key password must be the keystore password.", false);
            }
            if (!(privateKey instanceof RSAPrivateKey rsa)) {
                throw new UpstreamException("the key '" + alias + "' of " + MaskinportenSettings.KEYSTORE + " is "
                        + (privateKey == null ? "missing" : "a " + privateKey.getAlgorithm() + " key")
                        + ": the Maskinporten grant is signed RS256 and needs the RSA key of the business certificate.", false);
            }
            Certificate[] chain = store.getCertificateChain(alias);
            if (chain == null || chain.length == 0 || !Arrays.stream(chain).allMatch(X509Certificate.class::isInstance)) {
                throw new UpstreamException("the key '" + alias + "' of " + MaskinportenSettings.KEYSTORE
                        + " has no X.509 certificate chain.", false);
            }
            X509Certificate leaf = (X509Certificate) chain[0];
            Instant now = clock.instant();
            if (leaf.getNotAfter().toInstant().isBefore(now)) {
                LOG.warning("The Maskinporten business certificate '" + alias + "' expired " + leaf.getNotAfter().toInstant()
                        + ": Maskinporten will refuse the grant. Renew it.");
            }
            List<Base64> x5c = Arrays.stream(chain).map(MaskinportenTokens::der).toList();
            LOG.info("Maskinporten client key '" + alias + "' loaded from " + path + " (certificate " + leaf.getSubjectX500Principal()
                    + ", chain of " + x5c.size() + ")");
            return new ClientKey(rsa, x5c);
        } catch (GeneralSecurityException | IllegalStateException e) {
            throw new UpstreamException(MaskinportenSettings.KEYSTORE + " " + path + " cannot be read: " + e.getMessage(), false, e);
        }
    }

    private String alias(KeyStore store, Path path) throws GeneralSecurityException, UpstreamException {
        Optional<String> configured = settings.keyAlias();
        if (configured.isPresent()) {
            if (!store.entryInstanceOf(configured.get(), KeyStore.PrivateKeyEntry.class)) {
                throw new UpstreamException(MaskinportenSettings.KEY_ALIAS + "=" + configured.get() + ": " + path
                        + " holds no private key entry of that name.", false);
            }
            return configured.get();
        }
        List<String> keyEntries = Collections.list(store.aliases()).stream()
                .filter(alias -> isKeyEntry(store, alias)).sorted().toList();
        if (keyEntries.size() == 1) {
            return keyEntries.get(0);
        }
        throw new UpstreamException(MaskinportenSettings.KEYSTORE + " " + path + " holds " + keyEntries.size()
                + " private key entries" + (keyEntries.isEmpty() ? "" : " (" + String.join(", ", keyEntries) + ")")
                + ": set " + MaskinportenSettings.KEY_ALIAS + " to the one of the business certificate.", false);
    }

    private static boolean isKeyEntry(KeyStore store, String alias) {
        try {
            return store.entryInstanceOf(alias, KeyStore.PrivateKeyEntry.class);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static Base64 der(Certificate certificate) {
        try {
            return Base64.encode(certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a certificate cannot be encoded", e);
        }
    }

    private HttpClient http(Duration connectTimeout) {
        HttpClient client = http;
        if (client == null) {
            synchronized (this) {
                client = http;
                if (client == null) {
                    client = HttpClient.newBuilder()
                            .version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(connectTimeout)
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .build();
                    http = client;
                }
            }
        }
        return client;
    }

    private static Optional<JsonObject> json(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.createReader(new StringReader(body)).readObject());
        } catch (JsonException | IllegalStateException | ClassCastException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> text(JsonObject object, String member) {
        return object.get(member) instanceof JsonString s && !s.getString().isBlank() ? Optional.of(s.getString()) : Optional.empty();
    }
}
