package no.krr.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.X509CertUtils;
import io.restassured.response.Response;
import java.security.cert.X509Certificate;

/** Verifies a signed response the way a careful client does: with the key the service publishes. */
final class Jose {

    private Jose() {
    }

    /**
     * GETs the person as JSON and as JOSE with the same token, verifies the JWS with the key of its
     * {@code kid} from {@code /.well-known/jwks.json}, and checks that its payload is the JSON body.
     */
    static JWSObject assertSignedLikeJson(String base, String token, JWSAlgorithm expected, boolean expectChain) throws Exception {
        Response json = given().baseUri(base).auth().oauth2(token).accept("application/json").get("/rest/v1/person");
        json.then().statusCode(200);
        Response jose = given().baseUri(base).auth().oauth2(token).accept("application/jose").get("/rest/v1/person");
        jose.then().statusCode(200).contentType("application/jose").header("Cache-Control", "no-store");
        JWSObject jws = verify(base, jose.asString(), expected, expectChain);
        assertArrayEquals(json.asByteArray(), jws.getPayload().toBytes(), "the JWS payload is byte for byte the JSON body");
        assertFalse(json.getHeader("ETag").equals(jose.getHeader("ETag")), "each representation has its own ETag");
        return jws;
    }

    static JWSObject verify(String base, String compact, JWSAlgorithm expected, boolean expectChain) throws Exception {
        JWSObject jws = JWSObject.parse(compact);
        assertEquals(expected, jws.getHeader().getAlgorithm());
        String kid = jws.getHeader().getKeyID();
        assertNotNull(kid, "kid");
        String jwks = given().baseUri(base).get("/.well-known/jwks.json").then().statusCode(200).extract().asString();
        JWKSet set = JWKSet.parse(jwks);
        JWK key = set.getKeyByKeyId(kid);
        assertNotNull(key, "the signing key is published");
        set.getKeys().forEach(k -> assertFalse(k.isPrivate(), "a private key is published"));
        JWSVerifier verifier = key instanceof ECKey ec ? new ECDSAVerifier(ec) : new RSASSAVerifier((RSAKey) key);
        assertTrue(jws.verify(verifier), "the signature verifies with the published key");
        if (expectChain) {
            assertNotNull(jws.getHeader().getX509CertChain(), "x5c");
            assertTrue(jws.getHeader().getX509CertChain().size() >= 2, "the chain, not just the leaf");
            X509Certificate leaf = X509CertUtils.parse(jws.getHeader().getX509CertChain().get(0).decode());
            X509Certificate issuer = X509CertUtils.parse(jws.getHeader().getX509CertChain().get(1).decode());
            java.security.PublicKey published = key instanceof ECKey ec ? ec.toECPublicKey() : ((RSAKey) key).toRSAPublicKey();
            assertArrayEquals(published.getEncoded(), leaf.getPublicKey().getEncoded(), "x5c starts with the leaf");
            leaf.verify(issuer.getPublicKey()); // the chain holds together
        } else {
            assertEquals(null, jws.getHeader().getX509CertChain(), "no x5c without a certificate");
        }
        return jws;
    }
}
