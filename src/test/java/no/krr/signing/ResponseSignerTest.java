package no.krr.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import no.krr.testdouble.MutableClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseSignerTest {

    /** Not canonical JSON on purpose: odd spacing, unsorted members, non-ASCII, an escape, a final newline. */
    private static final byte[] BODY = ("{\"status\":\"AKTIV\",  \"personidentifikator\":\"23079421936\","
            + "\"navn\":\"Ærlige Øyvind på Åsen\",\"sti\":\"a\\/b\"}\n").getBytes(StandardCharsets.UTF_8);

    private static final Instant SIGNED_AT = Instant.parse("2026-11-30T09:15:42.750Z");

    private static TestKeystores stores;
    private final MutableClock clock = new MutableClock(SIGNED_AT);

    @BeforeAll
    static void keystores() {
        stores = TestKeystores.get();
    }

    private ResponseSigner signer(String algorithm) {
        Path keystore = algorithm.equals("ES256") ? stores.singleEc : stores.rotated;
        return new ResponseSigner(SigningKeysTest.load(algorithm, keystore, "signing"), clock);
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "PS256", "ES256"})
    void aSignedBodyVerifiesWithThePublishedKeyAndIsTheSameBytes(String algorithm) throws Exception {
        ResponseSigner signer = signer(algorithm);

        String compact = signer.sign(BODY);

        JWSObject jws = JWSObject.parse(compact);
        assertEquals(JWSAlgorithm.parse(algorithm), jws.getHeader().getAlgorithm());
        assertEquals(signer.keyId(), jws.getHeader().getKeyID());
        assertEquals(JOSEObjectType.JOSE, jws.getHeader().getType());
        assertTrue(jws.verify(verifierFor(publishedKey(signer, jws.getHeader().getKeyID()))));
        assertArrayEquals(BODY, jws.getPayload().toBytes());
        assertEquals(Base64URL.encode(BODY).toString(), compact.split("\\.")[1]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "ES256"})
    void theHeaderCarriesTheCertificateChainLeafFirst(String algorithm) throws Exception {
        ResponseSigner signer = signer(algorithm);

        JWSObject jws = JWSObject.parse(signer.sign(BODY));

        assertEquals(2, jws.getHeader().getX509CertChain().size());
        assertEquals(publishedKey(signer, signer.keyId()).getX509CertChain(), jws.getHeader().getX509CertChain());
        assertEquals(SigningKeysTest.certificate(algorithm.equals("ES256") ? stores.singleEc : stores.rotated, "signing"),
                com.nimbusds.jose.util.X509CertUtils.parse(jws.getHeader().getX509CertChain().get(0).decode()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "PS256", "ES256"})
    void anEphemeralKeySignsWithoutCertificate(String algorithm) throws Exception {
        ResponseSigner signer = new ResponseSigner(SigningKeys.ephemeral(JWSAlgorithm.parse(algorithm)), clock);

        JWSObject jws = JWSObject.parse(signer.sign(BODY));

        assertNull(jws.getHeader().getX509CertChain());
        assertNull(publishedKey(signer, signer.keyId()).getX509CertChain());
        assertTrue(jws.verify(verifierFor(publishedKey(signer, jws.getHeader().getKeyID()))));
        assertArrayEquals(BODY, jws.getPayload().toBytes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "PS256", "ES256"})
    void theProtectedHeaderCarriesTheSigningTimeInWholeSeconds(String algorithm) throws Exception {
        ResponseSigner signer = signer(algorithm);

        JWSObject jws = JWSObject.parse(signer.sign(BODY));

        assertEquals(SIGNED_AT.getEpochSecond(), jws.getHeader().getCustomParam(ResponseSigner.IAT));
        // protected: the signature covers it, so a changed iat no longer verifies
        assertTrue(jws.verify(verifierFor(publishedKey(signer, signer.keyId()))));
        String[] parts = jws.serialize().split("\\.");
        String headerJson = new Base64URL(parts[0]).decodeToString();
        String laterJson = headerJson.replace("\"iat\":" + SIGNED_AT.getEpochSecond(), "\"iat\":" + (SIGNED_AT.getEpochSecond() + 3600));
        assertFalse(headerJson.equals(laterJson));
        String forged = Base64URL.encode(laterJson) + "." + parts[1] + "." + parts[2];
        assertFalse(JWSObject.parse(forged).verify(verifierFor(publishedKey(signer, signer.keyId()))));
    }

    @Test
    void eachSignatureTakesTheTimeOfItsOwnSecond() throws Exception {
        ResponseSigner signer = signer("RS256");

        JWSObject first = JWSObject.parse(signer.sign(BODY));
        JWSObject sameSecond = JWSObject.parse(signer.sign(BODY));
        clock.advance(Duration.ofSeconds(1));
        JWSObject next = JWSObject.parse(signer.sign(BODY));
        clock.advance(Duration.ofDays(2));
        JWSObject later = JWSObject.parse(signer.sign(BODY));

        assertEquals(SIGNED_AT.getEpochSecond(), first.getHeader().getCustomParam(ResponseSigner.IAT));
        assertEquals(SIGNED_AT.getEpochSecond(), sameSecond.getHeader().getCustomParam(ResponseSigner.IAT));
        assertEquals(SIGNED_AT.getEpochSecond() + 1, next.getHeader().getCustomParam(ResponseSigner.IAT));
        assertEquals(SIGNED_AT.plus(Duration.ofDays(2)).getEpochSecond() + 1, later.getHeader().getCustomParam(ResponseSigner.IAT));
        for (JWSObject jws : List.of(first, next, later)) {
            assertArrayEquals(BODY, jws.getPayload().toBytes(), "the time is in the header, the payload stays the body");
            assertEquals(signer.keyId(), jws.getHeader().getKeyID());
            assertEquals(JOSEObjectType.JOSE, jws.getHeader().getType());
        }
    }

    @Test
    void aPreviousKeyDoesNotVerifyWhatTheCurrentOneSigned() throws Exception {
        ResponseSigner signer = signer("RS256");
        JWSObject jws = JWSObject.parse(signer.sign(BODY));

        JWK previous = publishedKey(signer, SigningKeysTest.kidOf(stores.rotated, "old-rsa"));

        assertFalse(jws.verify(verifierFor(previous)));
    }

    @Test
    void theJwksDocumentHasPublicPartsOnly() throws Exception {
        JWKSet jwks = JWKSet.parse(signer("RS256").publicJwksJson());

        assertEquals(4, jwks.getKeys().size());
        jwks.getKeys().forEach(key -> assertFalse(key.isPrivate(), key.getKeyID()));
    }

    @Test
    void anyBytesAreSignedAsTheyAre() throws Exception {
        byte[] notEvenText = {0, (byte) 0xff, (byte) 0xc3, 0x28, '\r', '\n'};
        ResponseSigner signer = signer("ES256");

        JWSObject jws = JWSObject.parse(signer.sign(notEvenText));

        assertArrayEquals(notEvenText, jws.getPayload().toBytes());
        assertTrue(jws.verify(verifierFor(publishedKey(signer, signer.keyId()))));
    }

    @Test
    void oneSignerServesManyThreads() throws Exception {
        ResponseSigner signer = signer("PS256");
        JWSVerifier verifier = verifierFor(publishedKey(signer, signer.keyId()));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = IntStream.range(0, 200).mapToObj(i -> pool.submit(() -> {
                byte[] body = ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8);
                JWSObject jws = JWSObject.parse(signer.sign(body));
                return jws.verify(verifier) && java.util.Arrays.equals(body, jws.getPayload().toBytes());
            })).toList();
            for (Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static JWK publishedKey(ResponseSigner signer, String kid) throws Exception {
        JWK key = JWKSet.parse(signer.publicJwksJson()).getKeyByKeyId(kid);
        if (key == null) {
            throw new AssertionError("kid " + kid + " is not published");
        }
        return key;
    }

    private static JWSVerifier verifierFor(JWK key) throws Exception {
        return key instanceof ECKey ec ? new ECDSAVerifier(ec) : new RSASSAVerifier((RSAKey) key);
    }
}
