package no.krr.testdouble;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jose.util.X509CertUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Maskinporten double: the JWT-bearer token endpoint ({@code POST /maskinporten/token} of
 * {@link OutsideWorld}), with the grant rules of docs/register.md §4 enforced, so that a client that
 * passes here builds its grant the way Maskinporten wants it.
 *
 * <p>A grant is accepted when: {@code grant_type} is the JWT-bearer type; the assertion is an RS256
 * (or RS384/RS512) JWS with an {@code x5c} chain, each certificate signed by the next, the leaf
 * valid now and {@linkplain #trust trusted} for the {@code iss}; the signature verifies with the
 * leaf's key; {@code aud} is {@link #audience()}; {@code iat} and {@code exp} are present,
 * {@code exp - iat <= 120 s}, {@code exp} not passed, {@code iat} not more than 10 s ahead; the
 * {@code jti} was never seen; every scope asked is allowed for the client. The answer is
 * {@code {"access_token","token_type":"Bearer","expires_in","scope"}}; a refusal is
 * {@code {"error","error_description"}} with 400 ({@code invalid_client}: 401).
 *
 * <p>Access tokens are opaque random strings; {@link #introspect} is how the upstream register
 * double checks them.
 */
public final class Maskinporten {

    public static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    public static final String KONTAKTINFORMASJON_READ = "krr:global/kontaktinformasjon.read";
    public static final String DIGITALPOST_READ = "krr:global/digitalpost.read";
    public static final Duration MAX_ASSERTION_LIFETIME = Duration.ofSeconds(120);
    static final Duration SKEW = Duration.ofSeconds(10);
    static final Duration CERTIFICATE_SKEW = Duration.ofMinutes(5);
    static final Duration DEFAULT_EXPIRES_IN = Duration.ofSeconds(120);

    /** What a token was issued for. */
    public record IssuedToken(String clientId, Set<String> scopes, Instant expiresAt) {
    }

    private record Failure(int status, String error, String description) {
    }

    private final String audience;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** SHA-256 thumbprint (base64url) of a trusted certificate to its client id. */
    private final Map<String, String> trusted = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> allowedScopes = new ConcurrentHashMap<>();
    private final Map<String, Instant> seenJti = new ConcurrentHashMap<>();
    private final Map<String, IssuedToken> issued = new ConcurrentHashMap<>();
    private final Deque<Failure> failNext = new ArrayDeque<>();
    private final AtomicInteger grants = new AtomicInteger();
    private final AtomicInteger rejections = new AtomicInteger();
    private volatile Duration expiresIn = DEFAULT_EXPIRES_IN;
    private volatile String lastRejection = "";

    Maskinporten(String audience, Clock clock) {
        this.audience = audience;
        this.clock = clock;
    }

    /** The {@code aud} a grant must carry: {@code baseUrl() + "/maskinporten/"}. */
    public String audience() {
        return audience;
    }

    /**
     * Trusts the business certificate of {@code clientId}: a grant whose {@code x5c} leaf is this
     * certificate and whose {@code iss} is this client id passes. The client may ask for
     * {@link #KONTAKTINFORMASJON_READ} and {@link #DIGITALPOST_READ} unless {@link #allowScopes} says
     * otherwise.
     */
    public Maskinporten trust(X509Certificate certificate, String clientId) {
        return trustThumbprint(thumbprint(certificate), clientId);
    }

    /** As {@link #trust(X509Certificate, String)}, by the certificate's SHA-256 thumbprint (base64url, as {@code x5t#S256}). */
    public Maskinporten trustThumbprint(String sha256Thumbprint, String clientId) {
        trusted.put(sha256Thumbprint, clientId);
        allowedScopes.putIfAbsent(clientId, Set.of(KONTAKTINFORMASJON_READ, DIGITALPOST_READ));
        return this;
    }

    /** Stops trusting a certificate. */
    public Maskinporten distrust(X509Certificate certificate) {
        trusted.remove(thumbprint(certificate));
        return this;
    }

    /** Replaces the scopes {@code clientId} may ask for. */
    public Maskinporten allowScopes(String clientId, String... scopes) {
        allowedScopes.put(clientId, Set.copyOf(Arrays.asList(scopes)));
        return this;
    }

    /** The lifetime of the tokens issued from now on ({@code expires_in}; default 120 s). */
    public Maskinporten expiresIn(Duration lifetime) {
        this.expiresIn = lifetime;
        return this;
    }

    /** The next grant is refused with 400 (401 for {@code invalid_client}) and this error, whatever it holds. */
    public Maskinporten failNext(String error, String description) {
        return failNext(error.equals("invalid_client") ? 401 : 400, error, description);
    }

    /** The next grant is answered with this status and error body (e.g. 503), whatever it holds. */
    public Maskinporten failNext(int status, String error, String description) {
        synchronized (failNext) {
            failNext.add(new Failure(status, error, description));
        }
        return this;
    }

    /** Tokens issued. */
    public int grants() {
        return grants.get();
    }

    /** Grants refused (planted failures included). */
    public int rejections() {
        return rejections.get();
    }

    /** {@code error: error_description} of the last refusal, or empty: what a test prints when a grant failed. */
    public String lastRejection() {
        return lastRejection;
    }

    /** The token, when this double issued it and it has neither expired nor been revoked. */
    public Optional<IssuedToken> introspect(String accessToken) {
        IssuedToken token = accessToken == null ? null : issued.get(accessToken);
        return token != null && clock.instant().isBefore(token.expiresAt()) ? Optional.of(token) : Optional.empty();
    }

    /** Forgets every token issued: the register double answers 401 to them. */
    public Maskinporten revokeAll() {
        issued.clear();
        return this;
    }

    /** Forgets tokens, seen {@code jti}s, planted failures and counts; keeps the trusted certificates. */
    public Maskinporten reset() {
        issued.clear();
        seenJti.clear();
        synchronized (failNext) {
            failNext.clear();
        }
        grants.set(0);
        rejections.set(0);
        expiresIn = DEFAULT_EXPIRES_IN;
        lastRejection = "";
        return this;
    }

    /** The SHA-256 thumbprint of a certificate, base64url, as {@code x5t#S256}. */
    public static String thumbprint(X509Certificate certificate) {
        try {
            return Base64URL.encode(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded())).toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the endpoint -------------------------------------------------------------------------

    void handle(HttpExchange exchange) throws IOException {
        Failure planted;
        synchronized (failNext) {
            planted = failNext.poll();
        }
        Failure failure = planted != null ? planted : check(exchange);
        if (failure != null) {
            rejections.incrementAndGet();
            lastRejection = failure.error() + ": " + failure.description();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", failure.error());
            body.put("error_description", failure.description());
            OutsideWorld.sendJson(exchange, failure.status(), JSONObjectUtils.toJSONString(body));
        }
    }

    /** Checks the grant and answers it when good; returns the failure otherwise. */
    private Failure check(HttpExchange exchange) throws IOException {
        String contentType = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse("");
        if (!contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return invalidRequest("Content-Type must be application/x-www-form-urlencoded");
        }
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!GRANT_TYPE.equals(form.get("grant_type"))) {
            return new Failure(400, "unsupported_grant_type", "grant_type must be " + GRANT_TYPE);
        }
        String assertion = form.get("assertion");
        if (assertion == null || assertion.isBlank()) {
            return invalidRequest("Missing assertion");
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(assertion);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return invalidGrant("Invalid assertion. Not a signed JWT.");
        }
        if (!JWSAlgorithm.Family.RSA.contains(jwt.getHeader().getAlgorithm())
                || jwt.getHeader().getAlgorithm().getName().startsWith("PS")) {
            return invalidGrant("Invalid assertion. Unsupported alg " + jwt.getHeader().getAlgorithm());
        }
        List<Base64> x5c = jwt.getHeader().getX509CertChain();
        if (x5c == null || x5c.isEmpty()) {
            return new Failure(401, "invalid_client", "Invalid assertion. No x5c certificate chain (kid clients are not supported by this double).");
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (Base64 der : x5c) {
            X509Certificate certificate = X509CertUtils.parse(der.decode());
            if (certificate == null) {
                return new Failure(401, "invalid_client", "Invalid client certificate: x5c holds something that is not a certificate");
            }
            chain.add(certificate);
        }
        X509Certificate leaf = chain.get(0);
        String clientOfCertificate = trusted.get(thumbprint(leaf));
        if (clientOfCertificate == null) {
            return new Failure(401, "invalid_client", "Invalid client certificate: not registered for any client");
        }
        Instant now = clock.instant();
        // a test clock made a moment before the keystore must not make a fresh certificate "not yet valid"
        if (now.isAfter(leaf.getNotAfter().toInstant()) || now.plus(CERTIFICATE_SKEW).isBefore(leaf.getNotBefore().toInstant())) {
            return new Failure(401, "invalid_client", "Invalid client certificate: not valid now");
        }
        for (int i = 0; i + 1 < chain.size(); i++) {
            try {
                chain.get(i).verify(chain.get(i + 1).getPublicKey());
            } catch (GeneralSecurityException e) {
                return new Failure(401, "invalid_client", "Invalid client certificate: x5c is not a chain (certificate " + i
                        + " is not signed by certificate " + (i + 1) + ")");
            }
        }
        try {
            if (!(leaf.getPublicKey() instanceof RSAPublicKey rsa) || !jwt.verify(new RSASSAVerifier(rsa))) {
                return invalidGrant("Invalid assertion. Client authentication failed. Invalid JWT signature.");
            }
        } catch (JOSEException e) {
            return invalidGrant("Invalid assertion. Client authentication failed. Invalid JWT signature.");
        }
        List<String> aud = claims.getAudience();
        if (aud == null || aud.size() != 1 || !audience.equals(aud.get(0))) {
            return invalidGrant("Invalid assertion. Client authentication failed. Invalid audience " + aud + ", expected " + audience);
        }
        String iss = claims.getIssuer();
        if (iss == null || !allowedScopes.containsKey(iss)) {
            return new Failure(401, "invalid_client", "Invalid assertion. Unknown client (iss) " + iss);
        }
        if (!iss.equals(clientOfCertificate)) {
            return new Failure(401, "invalid_client", "Invalid client certificate: registered for another client than " + iss);
        }
        Date iat = claims.getIssueTime();
        Date exp = claims.getExpirationTime();
        if (iat == null || exp == null) {
            return invalidGrant("Invalid assertion. iat and exp are required.");
        }
        if (Duration.between(iat.toInstant(), exp.toInstant()).compareTo(MAX_ASSERTION_LIFETIME) > 0) {
            return invalidGrant("Invalid assertion. The JWT lives longer than 120 seconds (exp - iat).");
        }
        if (!now.isBefore(exp.toInstant())) {
            return invalidGrant("Invalid assertion. The JWT has expired.");
        }
        if (iat.toInstant().isAfter(now.plus(SKEW))) {
            return invalidGrant("Invalid assertion. iat is in the future.");
        }
        String jti = claims.getJWTID();
        if (jti == null || jti.isBlank()) {
            return invalidGrant("Invalid assertion. jti is required.");
        }
        seenJti.values().removeIf(expiry -> expiry.isBefore(now.minus(Duration.ofMinutes(10))));
        if (seenJti.putIfAbsent(jti, exp.toInstant()) != null) {
            return invalidGrant("Invalid assertion. The jti has been used before (replay).");
        }
        Object scopeClaim = claims.getClaim("scope");
        if (!(scopeClaim instanceof String scope) || scope.isBlank()) {
            return new Failure(400, "invalid_scope", "Missing scope");
        }
        Set<String> asked = new LinkedHashSet<>(Arrays.asList(scope.trim().split("\\s+")));
        Set<String> allowed = allowedScopes.getOrDefault(iss, Set.of());
        if (!allowed.containsAll(asked)) {
            return new Failure(400, "invalid_scope", "Scope " + scope + " is not allowed for client " + iss);
        }
        Duration lifetime = expiresIn;
        String token = "mp-" + randomToken();
        issued.put(token, new IssuedToken(iss, Set.copyOf(asked), now.plus(lifetime)));
        grants.incrementAndGet();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token);
        body.put("token_type", "Bearer");
        body.put("expires_in", lifetime.toSeconds());
        body.put("scope", String.join(" ", asked));
        OutsideWorld.sendJson(exchange, 200, JSONObjectUtils.toJSONString(body));
        return null;
    }

    private static Failure invalidGrant(String description) {
        return new Failure(400, "invalid_grant", description);
    }

    private static Failure invalidRequest(String description) {
        return new Failure(400, "invalid_request", description);
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.putIfAbsent(name, value);
        }
        return form;
    }
}
