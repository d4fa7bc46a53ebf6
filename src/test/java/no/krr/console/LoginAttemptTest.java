package no.krr.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoginAttemptTest {

    static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void theCookieCarriesTheWholeAttempt() {
        LoginAttempt attempt = LoginAttempt.start(NOW);
        assertEquals(attempt, LoginAttempt.fromCookie(attempt.cookieValue()).orElseThrow());
    }

    @Test
    void aCallbackBelongsToItsAttemptForTenMinutes() {
        LoginAttempt attempt = LoginAttempt.start(NOW);
        assertTrue(attempt.answeredBy(attempt.state(), NOW.plusSeconds(600)));
        assertFalse(attempt.answeredBy(attempt.state(), NOW.plusSeconds(601)));
        assertFalse(attempt.answeredBy(attempt.state() + "x", NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not base64 !", "YWJj", "a.b.c.d"})
    void anythingElseIsNoAttempt(String value) {
        assertTrue(LoginAttempt.fromCookie(value).isEmpty());
    }

    @Test
    void shortOrOddPartsAreNoAttempt() {
        String forged = "short.nonce-nonce-nonce-1.verifier-verifier-verifier.1764756000";
        assertTrue(LoginAttempt.fromCookie(Base64.getUrlEncoder().encodeToString(forged.getBytes(StandardCharsets.US_ASCII)))
                .isEmpty());
        String noTime = "state-state-state-state.nonce-nonce-nonce-1.verifier-verifier-verifier.soon";
        assertTrue(LoginAttempt.fromCookie(Base64.getUrlEncoder().encodeToString(noTime.getBytes(StandardCharsets.US_ASCII)))
                .isEmpty());
    }

    @Test
    void itsTextNamesNoSecret() {
        LoginAttempt attempt = LoginAttempt.start(NOW);
        assertFalse(attempt.toString().contains(attempt.state()));
        assertFalse(attempt.toString().contains(attempt.pkce().verifier()));
    }
}
