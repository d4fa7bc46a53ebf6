package no.krr.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthSettingsTest {

    private static AuthSettings settings(boolean legacyScopes) {
        AuthSettings settings = new AuthSettings();
        settings.acrValues = "idporten-loa-substantial,idporten-loa-high";
        settings.legacyScopes = legacyScopes;
        settings.adminScope = "krr:admin";
        return settings;
    }

    @Test
    void rolesAreTheScopes() {
        assertEquals(Set.of("krr:user/kontaktinformasjon.read", "krr:user/spraak.write"),
                settings(true).rolesFor(Set.of("krr:user/kontaktinformasjon.read", "krr:user/spraak.write")));
    }

    @Test
    void legacyScopesCountOnlyWhileSwitchedOn() {
        assertEquals(Set.of("user/spraak.read"), settings(true).rolesFor(Set.of("user/spraak.read")));
        assertEquals(Set.of(), settings(false).rolesFor(Set.of("user/spraak.read")));
    }

    @Test
    void anIdPortenTokenWithTheAdminScopeGetsNoAdminRole() {
        assertEquals(Set.of("krr:admin"), settings(false).rolesFor(Set.of("krr:admin")));
        assertEquals(Set.of(), settings(false).rolesFor(Set.of()));
    }
}
