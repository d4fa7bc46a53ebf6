package no.krr.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.Key;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ConvertedKeysTest {

    static final RSAKey RSA = generateRsa("rsa-1");
    static final ECKey EC = generateEc("ec-1");

    final AtomicReference<JWKSet> published = new AtomicReference<>(new JWKSet(List.of(RSA.toPublicJWK(), EC.toPublicJWK())));
    final JWKSource<SecurityContext> source = (selector, context) -> selector.select(published.get());
    final ConvertedKeys keys = new ConvertedKeys(TokenVerifier.ALGORITHMS, source);

    @Test
    void theSameKeyIsConvertedOnce() throws Exception {
        List<Key> first = keys.selectJWSKeys(header(JWSAlgorithm.RS256, "rsa-1"), null);
        List<Key> second = keys.selectJWSKeys(header(JWSAlgorithm.RS256, "rsa-1"), null);
        assertEquals(1, first.size());
        assertSame(first.get(0), second.get(0));
        assertEquals(RSA.toPublicKey(), first.get(0));
        assertEquals(1, keys.converted());
    }

    @Test
    void eachKeyIdGetsItsOwnKey() throws Exception {
        Key rsa = keys.selectJWSKeys(header(JWSAlgorithm.RS256, "rsa-1"), null).get(0);
        Key ec = keys.selectJWSKeys(header(JWSAlgorithm.ES256, "ec-1"), null).get(0);
        assertEquals(RSA.toPublicKey(), rsa);
        assertEquals(EC.toPublicKey(), ec);
    }

    @Test
    void aRotatedKeyUnderTheSameIdIsConvertedAnew() throws Exception {
        Key before = keys.selectJWSKeys(header(JWSAlgorithm.RS256, "rsa-1"), null).get(0);
        RSAKey rotated = generateRsa("rsa-1");
        published.set(new JWKSet(List.of(rotated.toPublicJWK())));
        Key after = keys.selectJWSKeys(header(JWSAlgorithm.RS256, "rsa-1"), null).get(0);
        assertNotSame(before, after);
        assertEquals(rotated.toPublicKey(), after);
    }

    @Test
    void algorithmsNotAllowedAndUnknownKeysSelectNothing() throws Exception {
        assertTrue(keys.selectJWSKeys(header(JWSAlgorithm.HS256, "rsa-1"), null).isEmpty());
        assertTrue(keys.selectJWSKeys(header(JWSAlgorithm.RS256, "unknown"), null).isEmpty());
    }

    @Test
    void privateKeysAreNeverReturned() throws Exception {
        published.set(new JWKSet(List.<JWK>of(RSA)));
        List<Key> selected = keys.selectJWSKeys(header(JWSAlgorithm.RS256, "rsa-1"), null);
        assertEquals(1, selected.size());
        assertTrue(selected.get(0) instanceof PublicKey);
    }

    @Test
    void theStoreIsBounded() throws Exception {
        for (int i = 0; i < ConvertedKeys.MAX_KEYS + 5; i++) {
            published.set(new JWKSet(generateEc("ec-" + i).toPublicJWK()));
            keys.selectJWSKeys(header(JWSAlgorithm.ES256, "ec-" + i), null);
        }
        assertTrue(keys.converted() <= ConvertedKeys.MAX_KEYS);
    }

    private static JWSHeader header(JWSAlgorithm algorithm, String keyId) {
        return new JWSHeader.Builder(algorithm).keyID(keyId).build();
    }

    private static RSAKey generateRsa(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey generateEc(String keyId) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
