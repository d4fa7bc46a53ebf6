package no.krr.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenDoorsTest {

    private static final String IDPORTEN = "https://idporten.no";

    private static TokenDoors doors(Optional<String> adminIssuer, Optional<String> jwks, boolean audiences) {
        return new TokenDoors(IDPORTEN, adminIssuer, jwks, audiences);
    }

    @Test
    void anAdminIssuerEqualToIdPortenIsRefused() {
        for (String same : new String[] {IDPORTEN, IDPORTEN + "/", "HTTPS://IDPORTEN.NO", " https://idporten.no// "}) {
            String why = doors(Optional.of(same), Optional.of("https://idporten.no/jwks.json"), true).refusal().orElseThrow();
            assertTrue(why.contains("krr.admin.issuer") && why.contains("mp.jwt.verify.issuer"), why);
        }
    }

    @Test
    void anAdminIssuerWithoutKeysIsRefused() {
        String why = doors(Optional.of("https://login.agency.example"), Optional.empty(), true).refusal().orElseThrow();
        assertTrue(why.contains("krr.admin.jwks"), why);
    }

    @Test
    void anAgencyIssuerOpensTheAdminApiWithoutANotice() {
        TokenDoors open = doors(Optional.of("https://login.agency.example"), Optional.of("https://login.agency.example/jwks"), true);
        assertTrue(open.refusal().isEmpty());
        assertTrue(open.adminClosedNotice().isEmpty());
        assertTrue(open.audienceWarning().isEmpty());
    }

    @Test
    void noAdminIssuerIsAClosedAdminApiAndSaysHowToOpenIt() {
        TokenDoors closed = doors(Optional.empty(), Optional.empty(), true);
        assertTrue(closed.refusal().isEmpty());
        String notice = closed.adminClosedNotice().orElseThrow();
        assertTrue(notice.contains("401") && notice.contains("krr.admin.issuer") && notice.contains("krr.admin.jwks"), notice);
    }

    @Test
    void unsetAudiencesAreWarnedAboutWithTheKeyThatClosesThem() {
        String warning = doors(Optional.empty(), Optional.empty(), false).audienceWarning().orElseThrow();
        assertTrue(warning.contains("mp.jwt.verify.audiences"), warning);
        assertFalse(doors(Optional.empty(), Optional.empty(), true).audienceWarning().isPresent());
    }
}
