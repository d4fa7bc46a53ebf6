package no.krr.testdouble;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import no.krr.signing.Keytool;

/**
 * A Maskinporten client for tests: a PKCS#12 keystore made with {@code keytool} holding an RSA 2048
 * key whose certificate a test CA signed (the entry's chain is leaf, then CA, as a business
 * certificate's would be), and the settings that point the service at the {@link OutsideWorld}.
 *
 * <pre>
 * MaskinportenClient client = MaskinportenClient.shared("krr-test-client");   // made once per JVM
 * world.maskinporten().trust(client.certificate(), client.clientId());
 * Map&lt;String, String&gt; config = client.config(world);   // krr.maskinporten.*, krr.upstream.url
 * </pre>
 */
public record MaskinportenClient(String clientId, Path keystore, String password, String alias,
                                 List<X509Certificate> chain, RSAPrivateKey privateKey) {

    public static final String ALIAS = "maskinporten";

    private static final Map<String, MaskinportenClient> SHARED = new ConcurrentHashMap<>();
    private static Path sharedDir;

    /** Makes the keystore {@code <dir>/<clientId>.p12} (keytool: a few seconds). */
    public static MaskinportenClient create(Path dir, String clientId) {
        Path store = dir.resolve(clientId.replaceAll("[^A-Za-z0-9_.-]", "_") + ".p12");
        new Keytool(dir).chained(store, ALIAS, "RSA", "2048");
        return load(clientId, store, Keytool.PASSWORD, ALIAS);
    }

    /** A client made once per test JVM in a temporary folder removed at exit. */
    public static MaskinportenClient shared(String clientId) {
        return SHARED.computeIfAbsent(clientId, id -> create(sharedDir(), id));
    }

    /** Reads a client keystore someone else made. */
    public static MaskinportenClient load(String clientId, Path store, String password, String alias) {
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, password.toCharArray());
            List<X509Certificate> chain = Arrays.stream(keyStore.getCertificateChain(alias))
                    .map(X509Certificate.class::cast).toList();
            return new MaskinportenClient(clientId, store, password, alias, chain,
                    (RSAPrivateKey) keyStore.getKey(alias, password.toCharArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The business certificate (the leaf): what {@link Maskinporten#trust} takes. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** Trusts this client's certificate in the world's Maskinporten double. */
    public MaskinportenClient trustIn(OutsideWorld world) {
        world.maskinporten().trust(certificate(), clientId);
        return this;
    }

    /**
     * The settings of a service that uses this client against {@code world}: {@code krr.upstream.url},
     * {@code krr.maskinporten.token-url}, {@code .audience}, {@code .client-id}, {@code .keystore},
     * {@code .keystore-password}, {@code .key-alias}. Pass them as system properties, environment
     * or a settings map.
     */
    public Map<String, String> config(OutsideWorld world) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("krr.upstream.url", world.registerUrl());
        config.put("krr.maskinporten.token-url", world.maskinportenTokenUrl());
        config.put("krr.maskinporten.audience", world.maskinportenAudience());
        config.put("krr.maskinporten.client-id", clientId);
        config.put("krr.maskinporten.keystore", keystore.toAbsolutePath().toString());
        config.put("krr.maskinporten.keystore-password", password);
        config.put("krr.maskinporten.key-alias", alias);
        return config;
    }

    /**
     * A grant assertion signed with this client's key, for testing the double itself: good claims
     * ({@code iat = now}, {@code exp = now + 120 s}, a fresh {@code jti}, scope
     * {@code krr:global/kontaktinformasjon.read}) with {@code overrides} put last ({@code null}
     * removes a claim; an {@link Instant} becomes epoch seconds).
     */
    public String assertion(String audience, Instant now, Map<String, Object> overrides) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", audience);
        claims.put("iss", clientId);
        claims.put("scope", Maskinporten.KONTAKTINFORMASJON_READ);
        claims.put("iat", now);
        claims.put("exp", now.plus(Duration.ofSeconds(120)));
        claims.put("jti", UUID.randomUUID().toString());
        claims.putAll(overrides);
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
        claims.forEach((name, value) -> {
            if (value != null) {
                builder.claim(name, value instanceof Instant instant ? Date.from(instant) : value);
            }
        });
        try {
            List<Base64> x5c = chain.stream().map(MaskinportenClient::der).toList();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).x509CertChain(x5c).build(), builder.build());
            jwt.sign(new RSASSASigner(privateKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Base64 der(X509Certificate certificate) {
        try {
            return Base64.encode(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized Path sharedDir() {
        if (sharedDir == null) {
            try {
                Path dir = Files.createTempDirectory("krr-maskinporten-client-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
                sharedDir = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sharedDir;
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is no failure
        }
    }

    @Override
    public String toString() {
        return "MaskinportenClient[" + clientId + ", " + keystore + "]";
    }
}
