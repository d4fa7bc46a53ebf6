package no.krr.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PkceTest {

    @Test
    void theChallengeOfRfc7636sExample() {
        // RFC 7636, appendix B
        assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                new Pkce("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk").challenge());
    }

    @Test
    void aRandomVerifierIsLongEnoughAndNeverRepeats() {
        Pkce one = Pkce.random();
        Pkce two = Pkce.random();
        assertTrue(one.verifier().matches("[A-Za-z0-9_-]{43,128}"), one.verifier());
        assertNotEquals(one.verifier(), two.verifier());
    }

    @Test
    void itsTextNamesNoVerifier() {
        Pkce pkce = Pkce.random();
        assertFalse(pkce.toString().contains(pkce.verifier()));
    }
}
