package no.krr.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.ClaimLiteral;
import org.eclipse.microprofile.jwt.Claims;
import org.junit.jupiter.api.Test;

class RequestedClaimTest {

    // the generic types of injection points, as CDI hands them over
    Optional<String> optionalString;
    Optional<Long> optionalLong;
    Optional<Boolean> optionalBoolean;
    Set<String> strings;
    Set<Long> numbers;
    List<String> list;
    Optional<Integer> optionalInteger;

    static Type typeOf(String field) {
        try {
            return RequestedClaimTest.class.getDeclaredField(field).getGenericType();
        } catch (NoSuchFieldException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static final VerifiedToken TOKEN = new VerifiedToken(VerifiedTokenTest.RAW, VerifiedTokenTest.parsed("""
            {"sub": "s", "aud": ["krr"], "exp": 1800000000, "email_verified": false, "pid": "23079421936",
             "amount": 42, "ratio": 1.5, "yes": true, "roles": ["a", "b"], "mixed": ["a", 1],
             "consumer": {"ID": "0192:991825827"}}
            """), Set.of("role"));

    static Object read(String claim, Type type) {
        return new RequestedClaim(claim, type).from(TOKEN);
    }

    @Test
    void plainJavaTypesFromStandardAndOtherClaims() {
        assertEquals("s", read("sub", String.class));
        assertEquals("23079421936", read("pid", String.class));
        assertEquals(1800000000L, read("exp", Long.class));
        assertEquals(1800000000L, read("exp", long.class));
        assertEquals(42L, read("amount", Long.class));
        assertEquals(Boolean.FALSE, read("email_verified", Boolean.class));
        assertEquals(Boolean.TRUE, read("yes", boolean.class));
        assertEquals(Set.of("krr"), read("aud", typeOf("strings")));
        assertEquals(Set.of("a", "b"), read("roles", typeOf("strings")));
        assertEquals(Set.of("role"), read("groups", typeOf("strings")));
        assertEquals(VerifiedTokenTest.RAW, read("raw_token", String.class));
    }

    @Test
    void optionalsArePresentOrEmpty() {
        assertEquals(Optional.of("23079421936"), read("pid", typeOf("optionalString")));
        assertEquals(Optional.empty(), read("acr", typeOf("optionalString")));
        assertEquals(Optional.of(1800000000L), read("exp", typeOf("optionalLong")));
        assertEquals(Optional.empty(), read("nbf", typeOf("optionalLong")));
        assertEquals(Optional.of(true), read("yes", typeOf("optionalBoolean")));
    }

    @Test
    void jsonValuesOfAnyClaim() {
        assertEquals("s", ((JsonString) read("sub", JsonString.class)).getString());
        assertEquals("23079421936", ((JsonString) read("pid", JsonString.class)).getString());
        assertEquals(1800000000L, ((JsonNumber) read("exp", JsonNumber.class)).longValue());
        assertEquals(1.5, ((JsonNumber) read("ratio", JsonNumber.class)).doubleValue());
        assertEquals("krr", ((JsonArray) read("aud", JsonArray.class)).getString(0));
        assertEquals("0192:991825827", ((JsonObject) read("consumer", JsonObject.class)).getString("ID"));
        assertSame(JsonValue.TRUE, read("yes", JsonValue.class));
        assertSame(JsonValue.FALSE, read("email_verified", JsonValue.class));
        assertEquals("role", ((JsonArray) read("groups", JsonArray.class)).getString(0));
    }

    @Test
    void aClaimOfAnotherTypeOrNoneIsNull() {
        assertNull(read("pid", Long.class));
        assertNull(read("pid", JsonNumber.class));
        assertNull(read("ratio", Long.class), "not an integer");
        assertNull(read("mixed", typeOf("strings")));
        assertNull(read("consumer", String.class));
        assertNull(read("acr", String.class));
        assertNull(read("acr", JsonValue.class));
        assertNull(read("acr", long.class), "CDI makes it 0");
    }

    @Test
    void typesOutsideTheListAreRefusedAtInjection() {
        assertThrows(IllegalArgumentException.class, () -> new RequestedClaim("x", Integer.class));
        assertThrows(IllegalArgumentException.class, () -> new RequestedClaim("x", typeOf("numbers")));
        assertThrows(IllegalArgumentException.class, () -> new RequestedClaim("x", typeOf("list")));
        assertThrows(IllegalArgumentException.class, () -> new RequestedClaim("x", typeOf("optionalInteger")));
        assertThrows(IllegalArgumentException.class, () -> new RequestedClaim("x", Set.class));
    }

    @Test
    void theNameIsTheValueElseTheStandardClaim() {
        assertEquals("pid", RequestedClaim.nameOf(new ClaimLiteral("pid")));
        assertEquals("exp", RequestedClaim.nameOf(new ClaimLiteral(Claims.exp)));
        assertThrows(IllegalArgumentException.class, () -> RequestedClaim.nameOf(new ClaimLiteral()));
    }
}
