package no.krr.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RejectedTokenLogTest {

    private static final String JWT = "eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0"
            + ".eyJwaWQiOiIyMzA3OTQyMTkzNiIsInNjb3BlIjoia3JyOnVzZXIva29udGFrdGluZm9ybWFzam9uLnJlYWQifQ"
            + ".c2lnbmF0dXJlLWJ5dGVzLWhlcmVfLQ";

    @Test
    void theReasonIsTheInnermostCausesMessage() {
        Exception inner = new IllegalStateException("signature check failed");
        Exception middle = new RuntimeException("wrapped", inner);
        Exception outer = new RuntimeException("Unable to parse the token", middle);

        assertEquals("signature check failed", RejectedTokenLog.reason(outer));
    }

    @Test
    void aCauseWithoutAMessageIsNamedByItsClass() {
        assertEquals("NullPointerException",
                RejectedTokenLog.reason(new RuntimeException("outer", new NullPointerException())));
    }

    @Test
    void aTokenInTheMessageIsReplaced() {
        String reason = RejectedTokenLog.reason(new RuntimeException("Invalid JWT " + JWT + " rejected"));

        assertEquals("Invalid JWT <token> rejected", reason);
    }

    @Test
    void aTokenWithoutSignatureIsReplacedToo() {
        assertEquals("alg none: <token>", RejectedTokenLog.reason(new RuntimeException("alg none: eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")));
    }

    @Test
    void aNationalIdKeepsOnlyItsFirstSixDigits() {
        String reason = RejectedTokenLog.reason(new RuntimeException("pid 23079421936 is not valid"));

        assertEquals("pid 230794***** is not valid", reason);
    }

    @Test
    void aNationalIdNextToLettersOrPunctuationIsMaskedToo() {
        assertEquals("pid=230794*****, sub:200146*****.",
                RejectedTokenLog.reason(new RuntimeException("pid=23079421936, sub:20014695016.")));
    }

    @Test
    void longerOrShorterDigitRunsAreNotNationalIds() {
        assertEquals("exp 1700000000 iat 123456789012",
                RejectedTokenLog.reason(new RuntimeException("exp 1700000000 iat 123456789012")));
    }

    @Test
    void lineBreaksAreRemoved() {
        String reason = RejectedTokenLog.reason(new RuntimeException("first\r\nSEVERE: forged\nline\tend"));

        assertEquals("first SEVERE: forged line end", reason);
    }

    @Test
    void unicodeLineSeparatorsAreRemovedToo() {
        String reason = RejectedTokenLog.reason(new RuntimeException("a\u2028b\u2029c\u0085d\u000Be"));

        assertEquals("a b c d e", reason);
    }

    @Test
    void aLongMessageIsCutTo200Characters() {
        String reason = RejectedTokenLog.reason(new RuntimeException("x".repeat(500)));

        assertEquals(200, reason.length());
        assertEquals("x".repeat(199) + "…", reason);
    }

    @Test
    void aMessageOf200CharactersIsKeptWhole() {
        String message = "y".repeat(200);

        assertEquals(message, RejectedTokenLog.reason(new RuntimeException(message)));
    }

    @Test
    void theCutNeverSplitsACharacter() {
        String reason = RejectedTokenLog.reason(new RuntimeException("x".repeat(198) + "😀".repeat(10)));

        assertEquals("x".repeat(198) + "…", reason);
    }

    @Test
    void masksApplyBeforeTheCut() {
        String message = "x".repeat(190) + " pid 23079421936 and token " + JWT;

        String reason = RejectedTokenLog.reason(new RuntimeException(message));

        assertFalse(reason.contains("2307942"), reason);
        assertFalse(reason.contains("eyJ"), reason);
        assertTrue(reason.length() <= 200, reason);
    }

    @Test
    void aCyclicCauseChainStillGivesAReason() {
        Exception a = new Exception("a");
        Exception b = new Exception("b", a);
        a.initCause(b);

        String reason = RejectedTokenLog.reason(a);

        assertTrue(reason.equals("a") || reason.equals("b"), reason);
    }
}
