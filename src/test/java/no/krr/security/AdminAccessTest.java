package no.krr.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.List;
import java.util.Set;
import no.krr.security.AdminAccess.Verdict;
import org.junit.jupiter.api.Test;

class AdminAccessTest {

    private static final String SCOPE = "krr:admin";

    private static JWTClaimsSet claims(String name, Object value) {
        return new JWTClaimsSet.Builder().subject("operator").claim(name, value).build();
    }

    @Test
    void theScopeMayBeInScopeScpOrRoles() {
        assertEquals(Verdict.OPERATOR, AdminAccess.of(claims("scope", "openid krr:admin"), SCOPE));
        assertEquals(Verdict.OPERATOR, AdminAccess.of(claims("scp", "krr:admin"), SCOPE));
        assertEquals(Verdict.OPERATOR, AdminAccess.of(claims("scp", List.of("a", "krr:admin")), SCOPE));
        assertEquals(Verdict.OPERATOR, AdminAccess.of(claims("roles", List.of("krr:admin")), SCOPE));
    }

    @Test
    void withoutTheScopeThereIsNoOperator() {
        assertEquals(Verdict.LACKS_SCOPE, AdminAccess.of(new JWTClaimsSet.Builder().subject("x").build(), SCOPE));
        assertEquals(Verdict.LACKS_SCOPE, AdminAccess.of(claims("scope", "krr:admin.read krr:administrator"), SCOPE));
        assertEquals(Verdict.LACKS_SCOPE, AdminAccess.of(claims("roles", List.of("KRR:ADMIN")), SCOPE));
        assertEquals(Verdict.LACKS_SCOPE, AdminAccess.of(claims("groups", List.of("krr:admin")), SCOPE));
    }

    @Test
    void theScopeNamedByTheSettingCounts() {
        assertEquals(Verdict.OPERATOR, AdminAccess.of(claims("roles", List.of("KRR.Admin")), "KRR.Admin"));
        assertEquals(Verdict.LACKS_SCOPE, AdminAccess.of(claims("roles", List.of("krr:admin")), "KRR.Admin"));
    }

    @Test
    void aTokenThatNamesAPersonIsNeverAnOperator() {
        JWTClaimsSet person = new JWTClaimsSet.Builder().claim("scope", SCOPE).claim("pid", "23079421936").build();
        assertEquals(Verdict.NAMES_A_PERSON, AdminAccess.of(person, SCOPE));
        JWTClaimsSet numeric = new JWTClaimsSet.Builder().claim("roles", List.of(SCOPE)).claim("pid", 23079421936L).build();
        assertEquals(Verdict.NAMES_A_PERSON, AdminAccess.of(numeric, SCOPE));
    }

    @Test
    void grantsAreTheUnionOfTheThreeClaims() {
        JWTClaimsSet all = new JWTClaimsSet.Builder().claim("scope", "a b").claim("scp", List.of("c")).claim("roles", List.of("d"))
                .build();
        assertEquals(Set.of("a", "b", "c", "d"), AdminAccess.grants(all));
    }
}
