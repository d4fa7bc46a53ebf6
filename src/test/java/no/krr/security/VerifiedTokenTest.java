package no.krr.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.text.ParseException;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class VerifiedTokenTest {

    static final String RAW = "eyJhbGciOiJFUzI1NiJ9.e30.c2ln";
    static final String PID = "23079421936";

    /** Claims as Nimbus parses a token's payload (Long or Double numbers, Date for exp/iat/nbf, List, Map). */
    static JWTClaimsSet parsed(String json) {
        try {
            return JWTClaimsSet.parse(json);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static final JWTClaimsSet CITIZEN = parsed("""
            {"iss": "https://idporten.test", "sub": "pairwise-sub", "aud": ["krr", "other"], "exp": 1800000000,
             "iat": 1799999000, "nbf": 1799999000, "auth_time": 1799998000, "jti": "jti-1",
             "acr": "idporten-loa-substantial", "azp": "the-client", "client_id": "the-client",
             "scope": "krr:user/kontaktinformasjon.read openid", "pid": "%s", "email_verified": true,
             "consumer": {"authority": "iso6523-actorid-upis", "ID": "0192:991825827"},
             "amount": 42, "ratio": 1.5, "yes": true, "no": false, "tags": ["a", 1], "groups": ["from-the-token"]}
            """.formatted(PID));

    static final Set<String> GROUPS = Set.of("krr:user/kontaktinformasjon.read", "openid");

    static VerifiedToken citizen() {
        return new VerifiedToken(RAW, CITIZEN, GROUPS);
    }

    @Test
    void standardClaimsHaveTheTypesOfTheClaimsEnum() {
        JsonWebToken token = citizen();
        assertEquals(1800000000L, (Long) token.getClaim("exp"));
        assertEquals(1799999000L, (Long) token.getClaim(Claims.iat));
        assertEquals(1799999000L, (Long) token.getClaim(Claims.nbf));
        assertEquals(1799998000L, (Long) token.getClaim(Claims.auth_time));
        assertEquals(1800000000L, token.getExpirationTime());
        assertEquals(1799999000L, token.getIssuedAtTime());
        assertEquals(Set.of("krr", "other"), token.getAudience());
        assertEquals("https://idporten.test", token.getIssuer());
        assertEquals("pairwise-sub", token.getSubject());
        assertEquals("jti-1", token.getTokenID());
        assertEquals("idporten-loa-substantial", token.getClaim(Claims.acr));
        assertEquals("the-client", token.getClaim(Claims.azp));
        assertEquals(Boolean.TRUE, token.getClaim(Claims.email_verified));
        assertEquals(RAW, token.getRawToken());
        assertEquals(RAW, token.getClaim("raw_token"));
    }

    @Test
    void aSingleAudienceIsASetToo() {
        JsonWebToken token = new VerifiedToken(RAW, parsed("{\"sub\": \"s\", \"aud\": \"krr\"}"), Set.of());
        assertEquals(Set.of("krr"), token.getAudience());
    }

    @Test
    void otherClaimsAreTheJsonValueOfTheirJsonType() {
        JsonWebToken token = citizen();
        assertEquals(PID, token.<JsonString>getClaim("pid").getString());
        assertEquals("krr:user/kontaktinformasjon.read openid", token.<JsonString>getClaim("scope").getString());
        JsonNumber amount = token.getClaim("amount");
        assertTrue(amount.isIntegral());
        assertEquals(42L, amount.longValueExact());
        assertEquals(1.5, token.<JsonNumber>getClaim("ratio").doubleValue());
        assertSame(JsonValue.TRUE, token.getClaim("yes"));
        assertSame(JsonValue.FALSE, token.getClaim("no"));
        JsonObject consumer = token.getClaim("consumer");
        assertEquals("0192:991825827", consumer.getString("ID"));
        JsonArray tags = token.getClaim("tags");
        assertEquals("a", tags.getString(0));
        assertEquals(1, tags.getInt(1));
    }

    @Test
    void theGroupsAreTheRolesTheDoorGrantedNotTheTokensGroupsClaim() {
        JsonWebToken token = citizen();
        assertEquals(GROUPS, token.getGroups());
        assertEquals(GROUPS, token.getClaim(Claims.groups));
    }

    @Test
    void theNameIsUpnElsePreferredUsernameElseSub() {
        assertEquals("pairwise-sub", citizen().getName());
        assertEquals("kari", new VerifiedToken(RAW, parsed("{\"sub\": \"s\", \"preferred_username\": \"kari\"}"), Set.of()).getName());
        assertEquals("kari@example.no", new VerifiedToken(RAW,
                parsed("{\"sub\": \"s\", \"preferred_username\": \"kari\", \"upn\": \"kari@example.no\"}"), Set.of()).getName());
        assertNull(new VerifiedToken(RAW, parsed("{\"upn\": 7}"), Set.of()).getName(), "a upn of the wrong type is no name");
    }

    @Test
    void missingClaimsAreNullOrEmpty() {
        JsonWebToken token = citizen();
        assertNull(token.getClaim("no-such-claim"));
        assertNull(token.getClaim(Claims.upn));
        assertEquals(Optional.empty(), token.claim("no-such-claim"));
        assertFalse(token.containsClaim("no-such-claim"));
        assertTrue(token.containsClaim("pid"));
        assertTrue(token.containsClaim("raw_token"));
    }

    @Test
    void aStandardClaimOfAnotherJsonTypeReadsAsAbsent() {
        // (an aud of another type Nimbus refuses itself, when it parses the token)
        JsonWebToken token = new VerifiedToken(RAW, parsed("""
                {"sub": "s", "acr": 3, "auth_time": "yesterday", "email_verified": "yes", "address": "Oslo"}
                """), Set.of());
        assertNull(token.getClaim(Claims.acr));
        assertNull(token.getClaim(Claims.auth_time));
        assertNull(token.getClaim(Claims.email_verified));
        assertNull(token.getClaim(Claims.address));
        assertFalse(token.containsClaim("acr"));
    }

    @Test
    void theClaimNamesAreTheTokensAndRawTokenAndGroups() {
        Set<String> names = citizen().getClaimNames();
        assertTrue(names.containsAll(Set.of("iss", "sub", "exp", "pid", "consumer", "raw_token", "groups")), names.toString());
    }

    @Test
    void noTokenHasNoClaimsNoGroupsAndNoName() {
        JsonWebToken none = VerifiedToken.NONE;
        assertNull(none.getName());
        assertNull(none.getRawToken());
        assertNull(none.getSubject());
        assertEquals(Set.of(), none.getGroups());
        assertEquals(Set.of(), none.getClaimNames());
        assertNull(none.getClaim(Claims.groups));
        assertEquals(0L, none.getExpirationTime());
        assertEquals(0L, none.getIssuedAtTime());
    }

    @Test
    void itsTextNamesNeitherTheTokenNorAClaimValue() {
        String text = citizen().toString();
        assertFalse(text.contains(RAW));
        assertFalse(text.contains(PID));
        assertFalse(text.contains("pairwise-sub"));
    }

    @Test
    void callerTokenReadsTheSameToken() {
        CallerToken caller = new CallerToken();
        assertSame(VerifiedToken.NONE, caller.token());
        assertEquals(Optional.empty(), caller.pid());
        VerifiedToken token = citizen();
        caller.accept(token);
        assertSame(token, caller.token());
        assertEquals(PID, caller.pid().orElseThrow().value());
        assertEquals(GROUPS, caller.groups());
        assertEquals(Set.of("krr:user/kontaktinformasjon.read", "openid"), caller.scopes());
        assertEquals(Optional.of("idporten-loa-substantial"), caller.acr());
        assertEquals(Optional.of("the-client"), caller.clientId());
        assertEquals(Optional.of("jti-1"), caller.jti());
        assertEquals(Optional.of("pairwise-sub"), caller.subject());
        assertEquals(Optional.of("991825827"), caller.consumerOrgno());
        assertInstanceOf(JsonWebToken.class, caller.token());
    }
}
