package no.krr.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BearerChallengeTest {

    /** RFC 6750 §3: quoted values of error_description and scope use only these characters. */
    private static final Pattern RFC6750_VALUE = Pattern.compile("[\\x20\\x21\\x23-\\x5B\\x5D-\\x7E]*");

    private static String quotedValue(String challenge, String param) {
        int start = challenge.indexOf(param + "=\"") + param.length() + 2;
        return challenge.substring(start, challenge.lastIndexOf('"'));
    }

    @Test
    void theHeaderIsWwwAuthenticate() {
        assertEquals("WWW-Authenticate", BearerChallenge.HEADER);
    }

    @Test
    void noCredentialsGetABareChallengeWithoutAnErrorCode() {
        assertEquals("Bearer", BearerChallenge.none());
    }

    @Test
    void anInvalidTokenNamesTheErrorAndDescribesIt() {
        assertEquals("Bearer error=\"invalid_token\", error_description=\"pid claim missing or invalid\"",
                BearerChallenge.invalidToken("pid claim missing or invalid"));
    }

    @Test
    void anInvalidTokenWithoutADescriptionIsJustTheErrorCode() {
        assertEquals("Bearer error=\"invalid_token\"", BearerChallenge.invalidToken(null));
        assertEquals("Bearer error=\"invalid_token\"", BearerChallenge.invalidToken(""));
    }

    @Test
    void aMissingScopeNamesTheNeededScopes() {
        assertEquals("Bearer error=\"insufficient_scope\", scope=\"krr:user/spraak.write\"",
                BearerChallenge.insufficientScope("krr:user/spraak.write"));
        assertEquals("Bearer error=\"insufficient_scope\", "
                        + "scope=\"krr:user/kontaktinformasjon.read krr:user/digitalpost.read\"",
                BearerChallenge.insufficientScope("krr:user/kontaktinformasjon.read krr:user/digitalpost.read"));
    }

    @Test
    void anUnacceptedAcrNamesTheAcceptedValues() {
        assertEquals("Bearer error=\"insufficient_user_authentication\", "
                        + "acr_values=\"idporten-loa-substantial idporten-loa-high\"",
                BearerChallenge.insufficientUserAuthentication("idporten-loa-substantial idporten-loa-high"));
    }

    @Test
    void aDoubleQuoteInAValueCannotCloseTheQuotedString() {
        String challenge = BearerChallenge.invalidToken("bad \"kid\", error=\"none");

        assertEquals("Bearer error=\"invalid_token\", error_description=\"bad 'kid', error='none\"", challenge);
    }

    @Test
    void quotesAreNeutralisedInEveryChallenge() {
        assertEquals("Bearer error=\"insufficient_scope\", scope=\"a' b\"", BearerChallenge.insufficientScope("a\" b"));
        assertEquals("Bearer error=\"insufficient_user_authentication\", acr_values=\"x'\"",
                BearerChallenge.insufficientUserAuthentication("x\""));
    }

    @Test
    void aLineBreakCannotSplitTheHeader() {
        String challenge = BearerChallenge.invalidToken("expired\r\nSet-Cookie: x=y");

        assertEquals("Bearer error=\"invalid_token\", error_description=\"expired??Set-Cookie: x=y\"", challenge);
    }

    @Test
    void aBackslashCannotEscapeTheClosingQuote() {
        String challenge = BearerChallenge.invalidToken("ends in a backslash\\");

        assertEquals("Bearer error=\"invalid_token\", error_description=\"ends in a backslash?\"", challenge);
    }

    @Test
    void valuesKeepToTheCharactersRfc6750Allows() {
        String hostile = "\"\\\t\r\n\u0000ø€\u2028 ok!#[]~";

        for (String challenge : new String[] {BearerChallenge.invalidToken(hostile),
                BearerChallenge.insufficientScope(hostile), BearerChallenge.insufficientUserAuthentication(hostile)}) {
            String value = challenge.substring(challenge.lastIndexOf("=\"") + 2, challenge.length() - 1);
            assertTrue(RFC6750_VALUE.matcher(value).matches(), challenge);
            assertTrue(value.endsWith(" ok!#[]~"), challenge);
        }
    }
}
