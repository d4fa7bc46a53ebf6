package no.krr.testdouble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import no.krr.person.NationalId;
import org.junit.jupiter.api.Test;

class IdPortenTest {

    private static final String PID = "23079421936";
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private final IdPorten idporten = new IdPorten("http://127.0.0.1:1/idporten", Clock.fixed(NOW, ZoneOffset.UTC));

    private RSAKey published() {
        return (RSAKey) idporten.publicJwks().getKeyByKeyId(idporten.kid());
    }

    private boolean verifiesWithPublishedKey(SignedJWT jwt) throws Exception {
        RSAKey key = (RSAKey) idporten.publicJwks().getKeyByKeyId(jwt.getHeader().getKeyID());
        return key != null && jwt.verify(new RSASSAVerifier(key));
    }

    @Test
    void aGoodTokenHasTheIdPortenShape() throws Exception {
        SignedJWT jwt = SignedJWT.parse(idporten.token(PID).mint());
        assertEquals(JWSAlgorithm.RS256, jwt.getHeader().getAlgorithm());
        assertEquals(new JOSEObjectType("at+jwt"), jwt.getHeader().getType());
        assertEquals(idporten.kid(), jwt.getHeader().getKeyID());
        assertTrue(verifiesWithPublishedKey(jwt));

        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertEquals("http://127.0.0.1:1/idporten", claims.getIssuer());
        assertEquals(PID, claims.getStringClaim("pid"));
        assertEquals("idporten-loa-substantial", claims.getStringClaim("acr"));
        assertEquals("krr:user/kontaktinformasjon.read krr:user/digitalpost.read krr:user/spraak.write",
                claims.getStringClaim("scope"));
        assertEquals(IdPorten.DEFAULT_CLIENT_ID, claims.getStringClaim("client_id"));
        assertEquals("private_key_jwt", claims.getStringClaim("client_amr"));
        assertEquals(Map.of("authority", "iso6523-actorid-upis", "ID", "0192:991825827"), claims.getJSONObjectClaim("consumer"));
        assertEquals(NOW, claims.getIssueTime().toInstant());
        assertEquals(NOW.plus(IdPorten.DEFAULT_LIFETIME), claims.getExpirationTime().toInstant());
        assertNull(claims.getNotBeforeTime());
        assertTrue(claims.getAudience().isEmpty());
        assertNotNull(claims.getJWTID());
        assertNotNull(claims.getSubject());
        assertNotEquals(PID, claims.getSubject(), "sub is pairwise, not the national id");
        assertFalse(claims.getSubject().contains(PID));
    }

    @Test
    void subIsStablePerPersonAndJtiIsUniquePerToken() throws Exception {
        JWTClaimsSet a = SignedJWT.parse(idporten.token(PID).mint()).getJWTClaimsSet();
        JWTClaimsSet b = SignedJWT.parse(idporten.token(PID).mint()).getJWTClaimsSet();
        JWTClaimsSet other = SignedJWT.parse(idporten.token("20914695016").mint()).getJWTClaimsSet();
        assertEquals(a.getSubject(), b.getSubject());
        assertNotEquals(a.getSubject(), other.getSubject());
        assertNotEquals(a.getJWTID(), b.getJWTID());
    }

    @Test
    void typCanBeJwt() throws Exception {
        assertEquals(JOSEObjectType.JWT, SignedJWT.parse(idporten.token(PID).typJwt().mint()).getHeader().getType());
        assertNull(SignedJWT.parse(idporten.token(PID).typ(null).mint()).getHeader().getType());
    }

    @Test
    void anyClaimCanBeOverriddenOrRemoved() throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(idporten.token(PID)
                .claim("acr", "custom").claim("extra", List.of("a", "b")).without("jti").without("client_amr")
                .claim("exp", NOW.plusSeconds(5)).mint()).getJWTClaimsSet();
        assertEquals("custom", claims.getStringClaim("acr"));
        assertEquals(List.of("a", "b"), claims.getStringListClaim("extra"));
        assertNull(claims.getJWTID());
        assertNull(claims.getClaim("client_amr"));
        assertEquals(NOW.plusSeconds(5), claims.getExpirationTime().toInstant());
    }

    @Test
    void expired() throws Exception {
        SignedJWT jwt = SignedJWT.parse(idporten.token(PID).expired().mint());
        assertTrue(verifiesWithPublishedKey(jwt), "only the time is wrong");
        assertTrue(jwt.getJWTClaimsSet().getExpirationTime().toInstant().isBefore(NOW.minus(Duration.ofMinutes(30))));
    }

    @Test
    void issuedInTheFuture() throws Exception {
        SignedJWT jwt = SignedJWT.parse(idporten.token(PID).issuedInFuture().mint());
        assertTrue(verifiesWithPublishedKey(jwt));
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        Instant fiveMinutes = NOW.plus(Duration.ofMinutes(5));
        assertTrue(claims.getIssueTime().toInstant().isAfter(fiveMinutes));
        assertTrue(claims.getNotBeforeTime().toInstant().isAfter(fiveMinutes));
        assertTrue(claims.getExpirationTime().toInstant().isAfter(claims.getIssueTime().toInstant()));
    }

    @Test
    void signedWithAnUnknownKeyUnderTheKnownKid() throws Exception {
        SignedJWT jwt = SignedJWT.parse(idporten.token(PID).signedWithUnknownKey().mint());
        assertEquals(JWSAlgorithm.RS256, jwt.getHeader().getAlgorithm());
        assertEquals(idporten.kid(), jwt.getHeader().getKeyID());
        assertFalse(jwt.verify(new RSASSAVerifier(published())));
    }

    @Test
    void algNone() throws Exception {
        String token = idporten.token(PID).unsigned().mint();
        assertInstanceOf(PlainJWT.class, JWTParser.parse(token));
        String header = new Base64URL(token.substring(0, token.indexOf('.'))).decodeToString();
        assertEquals("{\"alg\":\"none\"}", header);
        assertTrue(token.endsWith("."), "empty signature part");
        assertEquals(PID, JWTParser.parse(token).getJWTClaimsSet().getStringClaim("pid"));
    }

    @Test
    void hs256WithThePublicKeyAsSecret() throws Exception {
        SignedJWT jwt = SignedJWT.parse(idporten.token(PID).keyConfusion().mint());
        assertEquals(JWSAlgorithm.HS256, jwt.getHeader().getAlgorithm());
        assertEquals(idporten.kid(), jwt.getHeader().getKeyID());
        byte[] der = published().toRSAPublicKey().getEncoded();
        assertTrue(jwt.verify(new MACVerifier(der)), "the HMAC secret is the published key's DER bytes");

        SignedJWT pem = SignedJWT.parse(idporten.token(PID).keyConfusionPem().mint());
        assertEquals(JWSAlgorithm.HS256, pem.getHeader().getAlgorithm());
        byte[] pemText = IdPorten.pem(der);
        assertTrue(new String(pemText, StandardCharsets.US_ASCII).startsWith("-----BEGIN PUBLIC KEY-----\n"));
        assertTrue(pem.verify(new MACVerifier(pemText)));
    }

    @Test
    void unknownKid() throws Exception {
        SignedJWT jwt = SignedJWT.parse(idporten.token(PID).unknownKid().mint());
        String kid = jwt.getHeader().getKeyID();
        assertNull(idporten.publicJwks().getKeyByKeyId(kid), "kid not in the JWKS");
        assertTrue(jwt.verify(new RSASSAVerifier(published())), "otherwise signed by the published key");
    }

    @Test
    void wrongIssuer() throws Exception {
        SignedJWT jwt = SignedJWT.parse(idporten.token(PID).wrongIssuer().mint());
        assertTrue(verifiesWithPublishedKey(jwt));
        assertEquals(IdPorten.WRONG_ISSUER, jwt.getJWTClaimsSet().getIssuer());
        assertEquals(idporten.issuer() + "/",
                SignedJWT.parse(idporten.token(PID).issuer(idporten.issuer() + "/").mint()).getJWTClaimsSet().getIssuer());
    }

    @Test
    void withAudience() throws Exception {
        assertEquals(List.of("https://krr.example/api"), SignedJWT.parse(idporten.token(PID)
                .audience("https://krr.example/api").mint()).getJWTClaimsSet().getAudience());
        assertEquals(List.of("a", "b"), SignedJWT.parse(idporten.token(PID).audience("a", "b").mint())
                .getJWTClaimsSet().getAudience());
    }

    @Test
    void noPid() throws Exception {
        SignedJWT jwt = SignedJWT.parse(idporten.token(PID).noPid().mint());
        assertTrue(verifiesWithPublishedKey(jwt));
        assertNull(jwt.getJWTClaimsSet().getClaim("pid"));
        assertNotNull(jwt.getJWTClaimsSet().getSubject());
    }

    @Test
    void pidWithAWrongCheckDigit() throws Exception {
        String pid = SignedJWT.parse(idporten.token(PID).pidWithWrongCheckDigit().mint()).getJWTClaimsSet().getStringClaim("pid");
        assertEquals(11, pid.length());
        assertEquals(PID.substring(0, 10), pid.substring(0, 10));
        assertFalse(NationalId.isValid(pid));
        for (String published : DemoData.publishedTestPersons()) {
            assertTrue(NationalId.isValid(published));
            assertFalse(NationalId.isValid(IdPorten.withWrongCheckDigit(published)), published);
        }
    }

    @Test
    void lowAcrAndGivenScopes() throws Exception {
        JWTClaimsSet low = SignedJWT.parse(idporten.token(PID).lowAcr().mint()).getJWTClaimsSet();
        assertEquals("idporten-loa-low", low.getStringClaim("acr"));
        JWTClaimsSet scoped = SignedJWT.parse(idporten.token(PID).scope("krr:user/spraak.write").mint()).getJWTClaimsSet();
        assertEquals("krr:user/spraak.write", scoped.getStringClaim("scope"));
        JWTClaimsSet none = SignedJWT.parse(idporten.token(PID).scope().mint()).getJWTClaimsSet();
        assertNull(none.getClaim("scope"));
    }

    @Test
    void adminToken() throws Exception {
        SignedJWT jwt = SignedJWT.parse(idporten.adminToken().mint());
        assertTrue(verifiesWithPublishedKey(jwt));
        assertEquals("krr:admin", jwt.getJWTClaimsSet().getStringClaim("scope"));
        assertNull(jwt.getJWTClaimsSet().getClaim("pid"));
        assertEquals(PID, SignedJWT.parse(idporten.adminToken().pid(PID).mint()).getJWTClaimsSet().getStringClaim("pid"));
    }
}
