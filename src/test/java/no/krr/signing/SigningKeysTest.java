package no.krr.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.X509CertUtils;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SigningKeysTest {

    private static TestKeystores stores;

    @BeforeAll
    static void keystores() {
        stores = TestKeystores.get();
    }

    static SigningKeys load(String algorithm, Path keystore, String alias) {
        return SigningKeys.load(settings(algorithm, keystore, alias));
    }

    static SigningSettings settings(String algorithm, Path keystore, String alias) {
        return SigningSettings.of(algorithm, Optional.ofNullable(keystore), Optional.of(Keytool.PASSWORD),
                Optional.ofNullable(alias));
    }

    @Test
    void theAliasIsTheCurrentKeyAndTheOtherUsableEntriesArePublishedAsPrevious() throws Exception {
        SigningKeys keys = load("RS256", stores.rotated, "signing");

        List<JWK> published = keys.publicJwks().getKeys();
        List<String> kids = published.stream().map(JWK::getKeyID).toList();
        assertEquals(List.of(kidOf(stores.rotated, "signing"), kidOf(stores.rotated, "old-cert"),
                kidOf(stores.rotated, "old-ec"), kidOf(stores.rotated, "old-rsa")), kids, "current first, then by alias");
        assertEquals(keys.keyId(), kids.get(0));
        for (String unfit : List.of("weak", "p384", "ca")) {
            assertFalse(kids.contains(kidOf(stores.rotated, unfit)), unfit + " must not be published");
        }
    }

    @Test
    void everyPublishedKeyIsPublicForSigningAndNamesItsAlgorithmWhereCertain() throws Exception {
        SigningKeys keys = load("PS256", stores.rotated, "signing");

        for (JWK key : keys.publicJwks().getKeys()) {
            assertFalse(key.isPrivate(), key.getKeyID());
            assertEquals(KeyUse.SIGNATURE, key.getKeyUse());
        }
        assertEquals(JWSAlgorithm.PS256, published(keys, kidOf(stores.rotated, "signing")).getAlgorithm());
        assertEquals(JWSAlgorithm.ES256, published(keys, kidOf(stores.rotated, "old-ec")).getAlgorithm());
        assertNull(published(keys, kidOf(stores.rotated, "old-rsa")).getAlgorithm(), "RS256 or PS256: not named");
        String json = keys.publicJwks().toString();
        for (String privateMember : List.of("\"d\"", "\"p\"", "\"q\"", "\"dp\"", "\"dq\"", "\"qi\"")) {
            assertFalse(json.contains(privateMember), json);
        }
    }

    @Test
    void x5cIsTheEntrysChainLeafFirst() throws Exception {
        SigningKeys keys = load("RS256", stores.rotated, "signing");

        List<Base64> chain = keys.certificateChain().orElseThrow();
        assertEquals(2, chain.size());
        X509Certificate leaf = X509CertUtils.parse(chain.get(0).decode());
        X509Certificate ca = X509CertUtils.parse(chain.get(1).decode());
        assertEquals(certificate(stores.rotated, "signing"), leaf);
        assertEquals(ca.getSubjectX500Principal(), leaf.getIssuerX500Principal());
        assertTrue(ca.getSubjectX500Principal().getName().contains("KRR test CA"));
        leaf.verify(ca.getPublicKey());
        assertEquals(chain, published(keys, keys.keyId()).getX509CertChain());
    }

    @Test
    void aPreviousKeyKeepsItsCertificate() throws Exception {
        SigningKeys keys = load("RS256", stores.rotated, "signing");

        JWK retired = published(keys, kidOf(stores.rotated, "old-cert"));
        assertEquals(1, retired.getX509CertChain().size());
        assertEquals(certificate(stores.rotated, "old-cert"), X509CertUtils.parse(retired.getX509CertChain().get(0).decode()));
    }

    @Test
    void theKidIsTheThumbprintOfTheKeyWhateverTheKeystoreOrAlias() throws Exception {
        String kid = load("RS256", stores.rotated, "signing").keyId();

        assertEquals(kid, load("RS256", stores.rotated, "signing").keyId(), "loaded again");
        assertEquals(kid, load("RS256", stores.repackaged, "renamed").keyId(), "re-packaged under another alias");
        assertEquals(kidOf(stores.rotated, "signing"), kid);
        assertEquals(43, kid.length(), "SHA-256, base64url without padding");
    }

    @Test
    void aKeystoreWithOneKeyNeedsNoAlias() {
        SigningKeys keys = load("ES256", stores.singleEc, null);

        assertEquals(load("ES256", stores.singleEc, "signing").keyId(), keys.keyId());
        assertEquals(2, keys.certificateChain().orElseThrow().size());
        assertEquals(Curve.P_256, keys.publicJwks().getKeys().get(0).toECKey().getCurve());
    }

    @Test
    void aKeystoreWithSeveralKeysNeedsTheAlias() {
        var e = assertThrows(SigningConfigurationException.class, () -> load("RS256", stores.rotated, null));

        assertTrue(e.getMessage().contains("set krr.signing.key-alias"), e.getMessage());
        assertTrue(e.getMessage().contains("old-rsa") && e.getMessage().contains("signing"), e.getMessage());
    }

    @Test
    void anAliasMustNameAnEntryWithAPrivateKey() {
        var missing = assertThrows(SigningConfigurationException.class, () -> load("RS256", stores.rotated, "nope"));
        assertTrue(missing.getMessage().startsWith("krr.signing.key-alias='nope' names no entry"), missing.getMessage());

        var certificateOnly = assertThrows(SigningConfigurationException.class, () -> load("RS256", stores.rotated, "old-cert"));
        assertTrue(certificateOnly.getMessage().contains("holds no private key"), certificateOnly.getMessage());
    }

    @Test
    void anRsaKeyCannotSignES256() {
        var e = assertThrows(SigningConfigurationException.class, () -> load("ES256", stores.rotated, "signing"));

        assertTrue(e.getMessage().contains("an RSA key of 2048 bits, and ES256 needs an EC key on curve P-256"), e.getMessage());
        assertTrue(e.getMessage().contains("krr.signing.algorithm"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "PS256"})
    void anEcKeyCannotSignWithRsa(String algorithm) {
        var e = assertThrows(SigningConfigurationException.class, () -> load(algorithm, stores.singleEc, "signing"));

        assertTrue(e.getMessage().contains("an EC key on curve P-256, and " + algorithm + " needs an RSA key of at least 2048 bits"),
                e.getMessage());
    }

    @Test
    void aShortRsaKeyOrAnotherCurveCannotSign() {
        var weak = assertThrows(SigningConfigurationException.class, () -> load("RS256", stores.rotated, "weak"));
        assertTrue(weak.getMessage().contains("an RSA key of 1024 bits"), weak.getMessage());

        var p384 = assertThrows(SigningConfigurationException.class, () -> load("ES256", stores.rotated, "p384"));
        assertTrue(p384.getMessage().contains("an EC key on curve P-384"), p384.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"HS256", "none", "RS512", "ES384", "EdDSA", " "})
    void anotherAlgorithmStopsTheStart(String algorithm) {
        var e = assertThrows(SigningConfigurationException.class, () -> SigningKeys.load(settings(algorithm, null, null)));

        assertEquals("krr.signing.algorithm='" + algorithm + "' is not supported: use RS256 (the default), PS256 or ES256.",
                e.getMessage());
    }

    @Test
    void theAlgorithmIsReadWhateverItsCase() {
        assertEquals(JWSAlgorithm.ES256, SigningSettings.parseAlgorithm(" es256"));
        assertEquals(JWSAlgorithm.PS256, SigningSettings.parseAlgorithm("ps256"));
    }

    @Test
    void aKeystoreThatCannotBeOpenedSaysWhichSettingToFix() {
        var wrongPassword = assertThrows(SigningConfigurationException.class, () -> SigningKeys.load(SigningSettings.of("RS256",
                Optional.of(stores.rotated), Optional.of("not-the-password"), Optional.of("signing"))));
        assertTrue(wrongPassword.getMessage().contains("krr.signing.keystore-password"), wrongPassword.getMessage());
        assertFalse(wrongPassword.getMessage().contains("not-the-password"), wrongPassword.getMessage());

        var noPassword = assertThrows(SigningConfigurationException.class, () -> SigningKeys.load(SigningSettings.of("RS256",
                Optional.of(stores.rotated), Optional.empty(), Optional.of("signing"))));
        assertEquals("krr.signing.keystore-password is required when krr.signing.keystore is set.", noPassword.getMessage());

        var noFile = assertThrows(SigningConfigurationException.class,
                () -> load("RS256", stores.rotated.resolveSibling("missing.p12"), "signing"));
        assertTrue(noFile.getMessage().startsWith("krr.signing.keystore: there is no file"), noFile.getMessage());
    }

    @Test
    void previousKeysWhoseCertificateExpiredAreNoLongerPublished() {
        // the test certificates are valid for 30 days
        Clock later = Clock.fixed(Instant.now().plus(Duration.ofDays(60)), ZoneOffset.UTC);

        SigningKeys keys = SigningKeys.load(settings("RS256", stores.rotated, "signing"), later);

        assertEquals(List.of(keys.keyId()), keys.publicJwks().getKeys().stream().map(JWK::getKeyID).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "PS256", "ES256"})
    void withoutAKeystoreAnEphemeralKeyIsMadeWithAWarning(String algorithm) throws JOSEException {
        List<LogRecord> records = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(SigningKeys.class.getName());
        logger.addHandler(capture);
        SigningKeys keys;
        try {
            keys = SigningKeys.load(settings(algorithm, null, null));
        } finally {
            logger.removeHandler(capture);
        }

        assertTrue(keys.ephemeral());
        assertTrue(keys.certificateChain().isEmpty());
        JWK key = keys.publicJwks().getKeys().get(0);
        assertEquals(1, keys.publicJwks().getKeys().size());
        assertFalse(key.isPrivate());
        assertNull(key.getX509CertChain());
        assertEquals(key.computeThumbprint().toString(), keys.keyId());
        if (algorithm.equals("ES256")) {
            assertEquals(Curve.P_256, ((ECKey) key).getCurve());
        } else {
            assertEquals(2048, ((RSAKey) key).size());
        }
        LogRecord warning = records.stream().filter(r -> r.getLevel() == Level.WARNING).findFirst().orElseThrow();
        assertTrue(warning.getMessage().contains("ephemeral") && warning.getMessage().contains("changes on every restart")
                && warning.getMessage().contains("krr.signing.keystore"), warning.getMessage());
        assertNotEquals(keys.keyId(), SigningKeys.load(settings(algorithm, null, null)).keyId(), "a new key every start");
    }

    private static JWK published(SigningKeys keys, String kid) {
        return Optional.ofNullable(keys.publicJwks().getKeyByKeyId(kid)).orElseThrow(() -> new AssertionError("no key " + kid));
    }

    /** The RFC 7638 thumbprint of an entry's certificate key, computed without the class under test. */
    static String kidOf(Path keystore, String alias) throws Exception {
        PublicKey key = certificate(keystore, alias).getPublicKey();
        JWK jwk = key instanceof ECPublicKey ec
                ? new ECKey.Builder(Curve.forECParameterSpec(ec.getParams()), ec).build()
                : new RSAKey.Builder((RSAPublicKey) key).build();
        return jwk.computeThumbprint().toString();
    }

    static X509Certificate certificate(Path keystore, String alias) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, Keytool.PASSWORD.toCharArray());
        }
        return (X509Certificate) store.getCertificate(alias);
    }
}
