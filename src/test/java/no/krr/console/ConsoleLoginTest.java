package no.krr.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;

class ConsoleLoginTest {

    static final Instant EXP = Instant.parse("2026-12-03T11:00:00Z");
    static final OpenIdProvider.Tokens TOKENS = new OpenIdProvider.Tokens("access", "id");

    static JWTClaimsSet.Builder claims(String sub) {
        return new JWTClaimsSet.Builder().subject(sub).expirationTime(Date.from(EXP));
    }

    @Test
    void anOperatorGetsASessionWithTheTokensAndTheCsrfToken() {
        ConsoleLogin.Outcome outcome = ConsoleLogin.decide(claims("operator-1").build(),
                claims("operator-1").claim("scope", "krr:admin").build(), "krr:admin", TOKENS, "csrf");
        ConsoleLogin.Outcome.LoggedIn in = assertInstanceOf(ConsoleLogin.Outcome.LoggedIn.class, outcome);
        assertEquals("operator-1", in.operator().subject());
        assertEquals("access", in.operator().accessToken());
        assertEquals("id", in.operator().idToken());
        assertEquals("csrf", in.operator().csrfToken());
        assertEquals(EXP, in.operator().expiresAt());
    }

    @Test
    void aCitizensLoginIsRefusedEvenWithTheScope() {
        ConsoleLogin.Outcome outcome = ConsoleLogin.decide(claims("c").build(),
                claims("c").claim("scope", "krr:admin").claim("pid", "23079421936").build(), "krr:admin", TOKENS, "csrf");
        assertEquals(403, assertInstanceOf(ConsoleLogin.Outcome.Refused.class, outcome).status());
    }

    @Test
    void aLoginWithoutTheAdminScopeIsRefused() {
        ConsoleLogin.Outcome outcome = ConsoleLogin.decide(claims("r").build(),
                claims("r").claim("scope", "krr:read").build(), "krr:admin", TOKENS, "csrf");
        assertEquals(403, assertInstanceOf(ConsoleLogin.Outcome.Refused.class, outcome).status());
    }

    @Test
    void tokensOfTwoSubjectsAreRefused() {
        ConsoleLogin.Outcome outcome = ConsoleLogin.decide(claims("operator-1").build(),
                claims("operator-2").claim("scope", "krr:admin").build(), "krr:admin", TOKENS, "csrf");
        assertEquals(401, assertInstanceOf(ConsoleLogin.Outcome.Refused.class, outcome).status());
    }
}
