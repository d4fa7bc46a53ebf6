package no.krr.security;

import static no.krr.security.FieldGroup.DIGITAL_POST;
import static no.krr.security.FieldGroup.KONTAKTINFORMASJON;
import static no.krr.security.FieldGroup.SERTIFIKAT;
import static no.krr.security.FieldGroup.SPRAAK;
import static no.krr.security.FieldGroup.VARSLINGSSTATUS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScopeFieldGroupsTest {

    @Test
    void kontaktinformasjonReadUnlocksThreeGroups() {
        assertEquals(EnumSet.of(KONTAKTINFORMASJON, VARSLINGSSTATUS, SPRAAK),
                ScopeFieldGroups.groupsFor(List.of("krr:user/kontaktinformasjon.read"), false));
    }

    @Test
    void digitalpostReadUnlocksDigitalPostAndSertifikat() {
        assertEquals(EnumSet.of(DIGITAL_POST, SERTIFIKAT),
                ScopeFieldGroups.groupsFor(List.of("krr:user/digitalpost.read"), false));
    }

    @Test
    void bothNewScopesUnlockEverything() {
        assertEquals(EnumSet.allOf(FieldGroup.class), ScopeFieldGroups.groupsFor(
                List.of(Scopes.KONTAKTINFORMASJON_READ, Scopes.DIGITALPOST_READ), false));
    }

    @Test
    void legacyScopesUnlockOneGroupEachWhenEnabled() {
        assertEquals(Set.of(KONTAKTINFORMASJON), ScopeFieldGroups.groupsFor(List.of("user/kontaktinformasjon.read"), true));
        assertEquals(Set.of(VARSLINGSSTATUS), ScopeFieldGroups.groupsFor(List.of("user/varslingsstatus.read"), true));
        assertEquals(Set.of(SPRAAK), ScopeFieldGroups.groupsFor(List.of("user/spraak.read"), true));
        assertEquals(Set.of(DIGITAL_POST), ScopeFieldGroups.groupsFor(List.of("user/sikkerdigitalpost.read"), true));
        assertEquals(Set.of(SERTIFIKAT), ScopeFieldGroups.groupsFor(List.of("user/sertifikat.read"), true));
    }

    @Test
    void legacyScopesUnlockNothingWhenDisabled() {
        assertEquals(Set.of(), ScopeFieldGroups.groupsFor(List.of("user/kontaktinformasjon.read",
                "user/varslingsstatus.read", "user/spraak.read", "user/sikkerdigitalpost.read",
                "user/sertifikat.read"), false));
        assertFalse(ScopeFieldGroups.canRead(List.of("user/spraak.read"), false));
        assertTrue(ScopeFieldGroups.canRead(List.of("user/spraak.read"), true));
    }

    @Test
    void unknownOrWrongCaseScopesUnlockNothing() {
        assertEquals(Set.of(), ScopeFieldGroups.groupsFor(List.of("openid", "profile", "KRR:USER/KONTAKTINFORMASJON.READ",
                "krr:global/kontaktinformasjon.read", "krr:user/spraak.write"), true));
    }

    @Test
    void scopesOfSplitsOnAnyWhitespace() {
        assertEquals(Set.of("openid", "krr:user/kontaktinformasjon.read", "krr:user/digitalpost.read"),
                ScopeFieldGroups.scopesOf("  openid \t krr:user/kontaktinformasjon.read\n krr:user/digitalpost.read  "));
        assertEquals(Set.of("a"), ScopeFieldGroups.scopesOf("a a"));
    }

    @Test
    void scopesOfMissingOrBlankClaimIsEmpty() {
        assertEquals(Set.of(), ScopeFieldGroups.scopesOf(null));
        assertEquals(Set.of(), ScopeFieldGroups.scopesOf(""));
        assertEquals(Set.of(), ScopeFieldGroups.scopesOf("   "));
    }

    @Test
    void spraakWrite() {
        assertTrue(ScopeFieldGroups.canWriteSpraak(Set.of("krr:user/spraak.write"), false));
        assertTrue(ScopeFieldGroups.canWriteSpraak(Set.of("user/spraak.write"), true));
        assertFalse(ScopeFieldGroups.canWriteSpraak(Set.of("user/spraak.write"), false));
        assertFalse(ScopeFieldGroups.canWriteSpraak(Set.of("krr:user/kontaktinformasjon.read", "user/spraak.read"), true));
    }

    @Test
    void readScopesListsCurrentAndLegacy() {
        assertEquals(Set.of("krr:user/kontaktinformasjon.read", "krr:user/digitalpost.read",
                "user/kontaktinformasjon.read", "user/varslingsstatus.read", "user/spraak.read",
                "user/sikkerdigitalpost.read", "user/sertifikat.read"), ScopeFieldGroups.READ_SCOPES);
        assertEquals(Set.of("krr:user/spraak.write", "user/spraak.write"), ScopeFieldGroups.WRITE_SCOPES);
    }
}
