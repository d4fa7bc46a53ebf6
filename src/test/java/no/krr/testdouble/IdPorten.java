package no.krr.testdouble;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The ID-porten part of the outside-world double: an RSA 2048 signing key with a {@code kid}, and
 * a fluent builder for ID-porten-like access tokens (docs/register.md §4), good ones and every kind of bad
 * one a resource server must refuse.
 *
 * <pre>{@code
 * String good    = idporten.token("23079421936").mint();                 // all user scopes, loa-substantial
 * String citizenAdmin = idporten.adminToken().mint();                    // scope krr:admin, no pid: refused on /admin
 * String expired = idporten.token("23079421936").expired().mint();
 * String custom  = idporten.token("23079421936").scope("krr:user/spraak.write").claim("acr", "x").mint();
 * }</pre>
 *
 * A good token: header {@code alg RS256}, {@code typ at+jwt}, {@code kid}; claims {@code iss, sub}
 * (pairwise: stable per pid and client within this instance, random-looking), {@code exp, iat, jti}
 * (random UUID), {@code acr, client_id, client_amr private_key_jwt, consumer, scope, pid}; no
 * {@code aud} and no {@code nbf} unless asked for. The builder can set or remove any claim with
 * {@link Token#claim(String, Object)}.
 */
public final class IdPorten {

    public static final String ACR_SUBSTANTIAL = "idporten-loa-substantial";
    public static final String ACR_HIGH = "idporten-loa-high";
    /** Not accepted by the service: ID-porten's old "low" level. */
    public static final String ACR_LOW = "idporten-loa-low";

    public static final String SCOPE_KONTAKTINFORMASJON_READ = "krr:user/kontaktinformasjon.read";
    public static final String SCOPE_DIGITALPOST_READ = "krr:user/digitalpost.read";
    public static final String SCOPE_SPRAAK_WRITE = "krr:user/spraak.write";
    /** All three user scopes: the default of {@link #token()}. */
    public static final List<String> USER_SCOPES =
            List.of(SCOPE_KONTAKTINFORMASJON_READ, SCOPE_DIGITALPOST_READ, SCOPE_SPRAAK_WRITE);
    public static final String ADMIN_SCOPE = "krr:admin";

    public static final String DEFAULT_CLIENT_ID = "0f0e6c1a-5b0b-4c53-8d7a-krr-test-client";
    /** Digdir's organisation number, the default consumer. */
    public static final String DEFAULT_CONSUMER_ORGNO = "991825827";
    /**
     * Default token lifetime. Real ID-porten access tokens live about 120 s; the double gives
     * 10 minutes so that a container test suite may mint once and reuse a token without flakiness.
     * Use {@link Token#lifetime(Duration)} for the real value.
     */
    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(10);
    /** An issuer that is not this one, for {@link Token#wrongIssuer()}. */
    public static final String WRONG_ISSUER = "https://idporten.example.invalid";

    private final String issuer;
    private final String kidPrefix;
    private final Clock clock;
    private final List<RSAKey> keys = new CopyOnWriteArrayList<>();
    private volatile RSAKey current;
    private volatile RSAKey stranger;
    private final byte[] pairwiseSecret = new byte[32];

    /**
     * @param issuer the {@code iss} of good tokens, no trailing slash
     * @param clock  "now" for {@code iat} and {@code exp}
     */
    public IdPorten(String issuer, Clock clock) {
        this(issuer, clock, "idporten-");
    }

    /** An issuer of the same kind of tokens under another name ({@link AgencyIdp}); key ids start with {@code kidPrefix}. */
    IdPorten(String issuer, Clock clock, String kidPrefix) {
        this.issuer = Objects.requireNonNull(issuer);
        this.kidPrefix = Objects.requireNonNull(kidPrefix);
        this.clock = Objects.requireNonNull(clock);
        new java.security.SecureRandom().nextBytes(pairwiseSecret);
        rotateKey();
    }

    public String issuer() {
        return issuer;
    }

    public Clock clock() {
        return clock;
    }

    /** The {@code kid} of the current signing key. */
    public String kid() {
        return current.getKeyID();
    }

    /** The current signing key, private part included. */
    public RSAKey signingKey() {
        return current;
    }

    /**
     * Makes a new current signing key; the previous ones stay in the JWKS. A token minted after this
     * carries a {@code kid} a resource server has not seen yet (it must refresh its JWKS).
     */
    public synchronized RSAKey rotateKey() {
        RSAKey key = generate(kidPrefix + UUID.randomUUID());
        keys.add(0, key);
        current = key;
        return key;
    }

    /** The published keys (public parts only), current first. */
    public JWKSet publicJwks() {
        return new JWKSet(new ArrayList<>(keys)).toPublicJWKSet();
    }

    public String jwksJson() {
        return publicJwks().toString();
    }

    /** A good token builder with all user scopes and no {@code pid}: add one with {@link Token#pid}. */
    public Token token() {
        return new Token();
    }

    /** A good token builder for the person {@code pid} with all user scopes. */
    public Token token(String pid) {
        return new Token().pid(pid);
    }

    /**
     * An ID-porten token with scope {@code krr:admin} only and no {@code pid}: what a citizen's client
     * allowed that scope would get. The service must refuse it on {@code /admin} (admin tokens come
     * from {@link AgencyIdp}).
     */
    public Token adminToken() {
        return new Token().scope(ADMIN_SCOPE);
    }

    /**
     * Defects every token check must refuse (signature, algorithm, key, time, issuer), by name:
     * the unit tests of the verifier and the container tests add their own to these.
     */
    public static List<Map.Entry<String, UnaryOperator<Token>>> invalidTokenKinds() {
        return List.of(
                Map.entry("expired", Token::expired),
                Map.entry("iat in the future", Token::issuedInFuture),
                Map.entry("signed with another key", Token::signedWithUnknownKey),
                Map.entry("alg none", Token::unsigned),
                Map.entry("HS256 with the public key", Token::keyConfusion),
                Map.entry("HS256 with the public key PEM", Token::keyConfusionPem),
                Map.entry("unknown kid", Token::unknownKid),
                Map.entry("wrong issuer", Token::wrongIssuer));
    }

    /** The same id with its last check digit changed, so the check digits no longer match. */
    public static String withWrongCheckDigit(String pid) {
        int last = pid.charAt(pid.length() - 1) - '0';
        return pid.substring(0, pid.length() - 1) + (last + 1) % 10;
    }

    private static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private RSAKey stranger() {
        if (stranger == null) {
            synchronized (this) {
                if (stranger == null) {
                    stranger = generate("stranger");
                }
            }
        }
        return stranger;
    }

    private String pairwiseSub(String pid, String clientId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(pairwiseSecret, "HmacSHA256"));
            byte[] digest = mac.doFinal((pid + "|" + clientId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How a token is signed. */
    public enum Signing {
        /** RS256 with the current (published) key: the good case. */
        RS256,
        /** RS256 with a key that is not in the JWKS, header carrying the published {@code kid}. */
        UNKNOWN_KEY,
        /** Unsigned: header exactly {@code {"alg":"none"}}, empty signature part. */
        NONE,
        /** HS256 with the DER bytes of the published public key as HMAC secret (key confusion). */
        HS256_PUBLIC_KEY,
        /** HS256 with the PEM text of the published public key as HMAC secret (key confusion). */
        HS256_PUBLIC_KEY_PEM
    }

    /** A token builder. Every method returns this builder; {@link #mint()} signs and serialises. */
    public final class Token {
        private String iss = issuer;
        private String sub;
        private List<String> aud = List.of();
        private String pid;
        private List<String> scopes = USER_SCOPES;
        private String acr = ACR_SUBSTANTIAL;
        private String clientId = DEFAULT_CLIENT_ID;
        private String consumerOrgno = DEFAULT_CONSUMER_ORGNO;
        private String jti;
        private Instant issuedAt;
        private Instant notBefore;
        private Instant expiresAt;
        private Duration lifetime = DEFAULT_LIFETIME;
        private String typ = "at+jwt";
        private String kid;
        private Signing signing = Signing.RS256;
        private final Map<String, Object> overrides = new LinkedHashMap<>();

        private Token() {
        }

        public Token pid(String value) {
            this.pid = value;
            return this;
        }

        /** No {@code pid} claim. */
        public Token noPid() {
            this.pid = null;
            return this;
        }

        /** The pid with its last check digit changed (call after {@link #pid}). */
        public Token pidWithWrongCheckDigit() {
            this.pid = withWrongCheckDigit(Objects.requireNonNull(pid, "set pid first"));
            return this;
        }

        /** Replaces the scopes (space-joined into {@code scope}); none given = no {@code scope} claim. */
        public Token scope(String... values) {
            this.scopes = List.of(values);
            return this;
        }

        public Token scopes(List<String> values) {
            this.scopes = List.copyOf(values);
            return this;
        }

        public Token acr(String value) {
            this.acr = value;
            return this;
        }

        /** {@code acr = idporten-loa-low}, which the service does not accept. */
        public Token lowAcr() {
            return acr(ACR_LOW);
        }

        public Token issuer(String value) {
            this.iss = value;
            return this;
        }

        /** {@code iss} = {@link #WRONG_ISSUER}, properly signed. */
        public Token wrongIssuer() {
            return issuer(WRONG_ISSUER);
        }

        public Token subject(String value) {
            this.sub = value;
            return this;
        }

        /** Sets {@code aud} (one value is written as a string, several as an array). */
        public Token audience(String... values) {
            this.aud = List.of(values);
            return this;
        }

        public Token clientId(String value) {
            this.clientId = value;
            return this;
        }

        /** The organisation number in {@code consumer.ID} ({@code 0192:<orgno>}). */
        public Token consumerOrgno(String value) {
            this.consumerOrgno = value;
            return this;
        }

        public Token jti(String value) {
            this.jti = value;
            return this;
        }

        public Token issuedAt(Instant value) {
            this.issuedAt = value;
            return this;
        }

        public Token notBefore(Instant value) {
            this.notBefore = value;
            return this;
        }

        public Token expiresAt(Instant value) {
            this.expiresAt = value;
            return this;
        }

        /** {@code exp = iat + lifetime} unless {@link #expiresAt} is set. */
        public Token lifetime(Duration value) {
            this.lifetime = value;
            return this;
        }

        /** Expired an hour ago ({@code iat} two hours ago), far beyond any clock skew. */
        public Token expired() {
            Instant now = now();
            return issuedAt(now.minus(Duration.ofHours(2))).expiresAt(now.minus(Duration.ofHours(1)));
        }

        /** {@code iat} and {@code nbf} 10 minutes in the future (beyond the 5 minutes any skew allows), {@code exp} an hour later. */
        public Token issuedInFuture() {
            Instant later = now().plus(Duration.ofMinutes(10));
            return issuedAt(later).notBefore(later).expiresAt(later.plus(Duration.ofHours(1)));
        }

        /** Header {@code typ}: {@code at+jwt} (default), {@code JWT}, or {@code null} for none. */
        public Token typ(String value) {
            this.typ = value;
            return this;
        }

        /** Header {@code typ: JWT} instead of {@code at+jwt}. */
        public Token typJwt() {
            return typ("JWT");
        }

        /** Header {@code kid} (default: the current key's). */
        public Token kid(String value) {
            this.kid = value;
            return this;
        }

        /** Signed with the published key but a {@code kid} that is not in the JWKS. */
        public Token unknownKid() {
            return kid("unknown-" + UUID.randomUUID());
        }

        public Token signing(Signing value) {
            this.signing = value;
            return this;
        }

        /** Signed with a key that is not in the JWKS, under the published {@code kid}. */
        public Token signedWithUnknownKey() {
            return signing(Signing.UNKNOWN_KEY);
        }

        /** {@code alg: none}, no signature. */
        public Token unsigned() {
            return signing(Signing.NONE);
        }

        /** HS256 with the public key's encoded (DER, X.509 SubjectPublicKeyInfo) bytes as the secret. */
        public Token keyConfusion() {
            return signing(Signing.HS256_PUBLIC_KEY);
        }

        /** HS256 with the public key's PEM text as the secret. */
        public Token keyConfusionPem() {
            return signing(Signing.HS256_PUBLIC_KEY_PEM);
        }

        /**
         * Sets any claim last, over everything above ({@code null} removes it). An {@link Instant}
         * is written as epoch seconds.
         */
        public Token claim(String name, Object value) {
            overrides.put(name, value);
            return this;
        }

        /** Removes a claim (even {@code iss}, {@code exp}, ...). */
        public Token without(String name) {
            return claim(name, null);
        }

        /** The claims this builder would mint now. */
        public JWTClaimsSet claims() {
            Instant iat = issuedAt != null ? issuedAt : now();
            Instant exp = expiresAt != null ? expiresAt : iat.plus(lifetime);
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("iss", iss);
            claims.put("sub", sub != null ? sub : pid != null ? pairwiseSub(pid, clientId) : randomSub());
            if (aud.size() == 1) {
                claims.put("aud", aud.get(0));
            } else if (!aud.isEmpty()) {
                claims.put("aud", aud);
            }
            claims.put("exp", exp);
            claims.put("iat", iat);
            if (notBefore != null) {
                claims.put("nbf", notBefore);
            }
            claims.put("jti", jti != null ? jti : UUID.randomUUID().toString());
            claims.put("acr", acr);
            claims.put("client_id", clientId);
            claims.put("client_amr", "private_key_jwt");
            if (consumerOrgno != null) {
                Map<String, Object> consumer = new LinkedHashMap<>();
                consumer.put("authority", "iso6523-actorid-upis");
                consumer.put("ID", "0192:" + consumerOrgno);
                claims.put("consumer", consumer);
            }
            if (!scopes.isEmpty()) {
                claims.put("scope", String.join(" ", scopes));
            }
            claims.put("pid", pid);
            claims.putAll(overrides);
            JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
            claims.forEach((name, value) -> {
                if (value != null) {
                    builder.claim(name, value instanceof Instant instant
                            ? Date.from(instant.truncatedTo(ChronoUnit.SECONDS)) : value);
                }
            });
            return builder.build();
        }

        /** Signs (or not, as configured) and returns the compact serialisation. */
        public String mint() {
            JWTClaimsSet claims = claims();
            try {
                switch (signing) {
                    case NONE -> {
                        return new PlainJWT(claims).serialize();
                    }
                    case RS256, UNKNOWN_KEY -> {
                        RSAKey key = signing == Signing.RS256 ? current : stranger();
                        SignedJWT jwt = new SignedJWT(header(JWSAlgorithm.RS256), claims);
                        jwt.sign(new RSASSASigner(key));
                        return jwt.serialize();
                    }
                    case HS256_PUBLIC_KEY, HS256_PUBLIC_KEY_PEM -> {
                        byte[] der = current.toRSAPublicKey().getEncoded();
                        byte[] secret = signing == Signing.HS256_PUBLIC_KEY ? der : pem(der);
                        SignedJWT jwt = new SignedJWT(header(JWSAlgorithm.HS256), claims);
                        jwt.sign(new MACSigner(secret));
                        return jwt.serialize();
                    }
                    default -> throw new IllegalStateException("unknown signing " + signing);
                }
            } catch (JOSEException e) {
                throw new IllegalStateException("cannot mint token", e);
            }
        }

        private JWSHeader header(JWSAlgorithm alg) {
            JWSHeader.Builder header = new JWSHeader.Builder(alg).keyID(kid != null ? kid : current.getKeyID());
            if (typ != null) {
                header.type(new JOSEObjectType(typ));
            }
            return header.build();
        }
    }

    private Instant now() {
        return clock.instant();
    }

    private static String randomSub() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The PEM text of a DER public key, as a key-confused verifier would read it from a file. */
    static byte[] pem(byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return ("-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return "IdPorten[" + issuer + ", kids=" + Arrays.toString(keys.stream().map(RSAKey::getKeyID).toArray()) + "]";
    }
}
