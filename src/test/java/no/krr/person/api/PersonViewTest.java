package no.krr.person.api;

import static no.krr.security.FieldGroup.DIGITAL_POST;
import static no.krr.security.FieldGroup.KONTAKTINFORMASJON;
import static no.krr.security.FieldGroup.SERTIFIKAT;
import static no.krr.security.FieldGroup.SPRAAK;
import static no.krr.security.FieldGroup.VARSLINGSSTATUS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.krr.person.JaNei;
import no.krr.person.NationalId;
import no.krr.person.Person;
import no.krr.person.Spraak;
import no.krr.person.Status;
import no.krr.person.VarslingRule;
import no.krr.person.Varslingsstatus;
import no.krr.security.FieldGroup;
import no.krr.security.ScopeFieldGroups;
import org.junit.jupiter.api.Test;

class PersonViewTest {

    private static final NationalId ID = new NationalId("11822648950");
    private static final VarslingRule RULE = new VarslingRule(
            Clock.fixed(OffsetDateTime.parse("2026-03-15T12:00:00+01:00").toInstant(), ZoneOffset.UTC));
    private static final Set<FieldGroup> ALL = EnumSet.allOf(FieldGroup.class);

    private static OffsetDateTime t(String s) {
        return OffsetDateTime.parse(s);
    }

    private static Person full() {
        Person p = new Person(ID);
        p.status(Status.AKTIV);
        p.reservasjon(JaNei.NEI);
        p.reservasjonOppdatert(t("2019-05-01T08:00:00Z"));
        p.varslingsstatus(Varslingsstatus.KAN_VARSLES);
        p.epostadresse("ola.nordmann@example.no");
        p.epostadresseOppdatert(t("2025-12-01T09:30:00Z"));
        p.epostadresseSistVerifisert(t("2025-12-02T10:00:00.250Z"));
        p.epostadresseSistValidert(t("2025-12-01T09:31:00Z"));
        p.epostadresseDuplisert(JaNei.NEI);
        p.mobiltelefonnummer("+4799999999");
        p.mobiltelefonnummerOppdatert(t("2025-07-01T09:30:00Z"));
        p.mobiltelefonnummerSistVerifisert(t("2025-07-02T10:00:00Z"));
        p.mobiltelefonnummerSistValidert(t("2025-07-01T09:31:00Z"));
        p.mobiltelefonnummerDuplisert(JaNei.JA);
        p.postkasseadresse("ola.nordmann#9YDT");
        p.postkasseleverandoeradresse("984661185");
        p.sertifikat("MIIBszCCAVmgAwIBAgIUQ==");
        p.spraak(Spraak.NN);
        p.spraakOppdatert(t("2024-01-10T12:00:00+01:00"));
        return p;
    }

    @Test
    void fullAktivRecordWithAllScopes() {
        String expected = "{\"personidentifikator\":\"11822648950\",\"reservasjon\":\"NEI\","
                + "\"reservasjon_oppdatert\":\"2019-05-01T10:00:00+02:00\",\"status\":\"AKTIV\","
                + "\"varslingsstatus\":\"KAN_VARSLES\",\"kontaktinformasjon\":{"
                + "\"epostadresse\":\"ola.nordmann@example.no\","
                + "\"epostadresse_oppdatert\":\"2025-12-01T10:30:00+01:00\","
                + "\"epostadresse_sist_verifisert\":\"2025-12-02T11:00:00.250+01:00\","
                + "\"epostadresse_sist_validert\":\"2025-12-01T10:31:00+01:00\","
                + "\"epostadresse_duplisert\":\"NEI\","
                + "\"mobiltelefonnummer\":\"+4799999999\","
                + "\"mobiltelefonnummer_oppdatert\":\"2025-07-01T11:30:00+02:00\","
                + "\"mobiltelefonnummer_sist_verifisert\":\"2025-07-02T12:00:00+02:00\","
                + "\"mobiltelefonnummer_sist_validert\":\"2025-07-01T11:31:00+02:00\","
                + "\"mobiltelefonnummer_duplisert\":\"JA\"},"
                + "\"digital_post\":{\"postkasseadresse\":\"ola.nordmann#9YDT\",\"postkasseleverandoeradresse\":\"984661185\"},"
                + "\"sertifikat\":\"MIIBszCCAVmgAwIBAgIUQ==\",\"spraak\":\"nn\","
                + "\"spraak_oppdatert\":\"2024-01-10T12:00:00+01:00\"}";
        assertEquals(expected, PersonView.json(Optional.of(full()), ID, ALL, RULE));
    }

    @Test
    void onlyDigitalpostScope() {
        Set<FieldGroup> groups = ScopeFieldGroups.groupsFor(List.of("krr:user/digitalpost.read"), false);
        assertEquals("{\"personidentifikator\":\"11822648950\",\"reservasjon\":\"NEI\","
                        + "\"reservasjon_oppdatert\":\"2019-05-01T10:00:00+02:00\",\"status\":\"AKTIV\","
                        + "\"digital_post\":{\"postkasseadresse\":\"ola.nordmann#9YDT\",\"postkasseleverandoeradresse\":\"984661185\"},"
                        + "\"sertifikat\":\"MIIBszCCAVmgAwIBAgIUQ==\"}",
                PersonView.json(Optional.of(full()), ID, groups, RULE));
    }

    @Test
    void noGroupsGivesTheAlwaysReturnedMembersOnly() {
        assertEquals("{\"personidentifikator\":\"11822648950\",\"reservasjon\":\"NEI\","
                        + "\"reservasjon_oppdatert\":\"2019-05-01T10:00:00+02:00\",\"status\":\"AKTIV\"}",
                PersonView.json(Optional.of(full()), ID, Set.of(), RULE));
    }

    @Test
    void reservedPersonCarriesReservasjonstidspunkt() {
        Person p = full();
        p.reservasjon(JaNei.JA);
        p.reservasjonstidspunkt(t("2019-05-01T08:00:00Z"));
        assertEquals("{\"personidentifikator\":\"11822648950\",\"reservasjon\":\"JA\","
                        + "\"reservasjonstidspunkt\":\"2019-05-01T10:00:00+02:00\","
                        + "\"reservasjon_oppdatert\":\"2019-05-01T10:00:00+02:00\",\"status\":\"AKTIV\","
                        + "\"varslingsstatus\":\"KAN_IKKE_VARSLES\"}",
                PersonView.json(Optional.of(p), ID, Set.of(VARSLINGSSTATUS), RULE));
    }

    @Test
    void slettetCarriesNoData() {
        Person p = full();
        p.status(Status.SLETTET);
        assertEquals("{\"personidentifikator\":\"11822648950\",\"status\":\"SLETTET\",\"varslingsstatus\":\"KAN_IKKE_VARSLES\"}",
                PersonView.json(Optional.of(p), ID, ALL, RULE));
    }

    @Test
    void ikkeRegistrertWithVarslingsstatus() {
        assertEquals("{\"personidentifikator\":\"11822648950\",\"status\":\"IKKE_REGISTRERT\",\"varslingsstatus\":\"KAN_IKKE_VARSLES\"}",
                PersonView.json(Optional.empty(), ID, ALL, RULE));
    }

    @Test
    void ikkeRegistrertWithoutVarslingsstatus() {
        assertEquals("{\"personidentifikator\":\"11822648950\",\"status\":\"IKKE_REGISTRERT\"}",
                PersonView.json(Optional.empty(), ID, EnumSet.of(DIGITAL_POST, SERTIFIKAT), RULE));
    }

    @Test
    void storedIkkeRegistrertLooksLikeNoRecord() {
        Person p = full();
        p.status(Status.IKKE_REGISTRERT);
        assertEquals(PersonView.json(Optional.empty(), ID, ALL, RULE), PersonView.json(Optional.of(p), ID, ALL, RULE));
    }

    @Test
    void legacyScopesOneGroupEach() {
        String head = "{\"personidentifikator\":\"11822648950\",\"reservasjon\":\"NEI\","
                + "\"reservasjon_oppdatert\":\"2019-05-01T10:00:00+02:00\",\"status\":\"AKTIV\"";
        assertEquals(head + ",\"varslingsstatus\":\"KAN_VARSLES\"}", legacy("user/varslingsstatus.read"));
        assertEquals(head + ",\"spraak\":\"nn\",\"spraak_oppdatert\":\"2024-01-10T12:00:00+01:00\"}",
                legacy("user/spraak.read"));
        assertEquals(head + ",\"digital_post\":{\"postkasseadresse\":\"ola.nordmann#9YDT\","
                + "\"postkasseleverandoeradresse\":\"984661185\"}}", legacy("user/sikkerdigitalpost.read"));
        assertEquals(head + ",\"sertifikat\":\"MIIBszCCAVmgAwIBAgIUQ==\"}", legacy("user/sertifikat.read"));
        String kontakt = legacy("user/kontaktinformasjon.read");
        assertEquals(true, kontakt.startsWith(head + ",\"kontaktinformasjon\":{\"epostadresse\":"), kontakt);
        assertFalse(kontakt.contains("varslingsstatus"));
        assertFalse(kontakt.contains("spraak"));
    }

    private static String legacy(String scope) {
        return PersonView.json(Optional.of(full()), ID, ScopeFieldGroups.groupsFor(List.of(scope), true), RULE);
    }

    @Test
    void absentMembersAndEmptyObjectsAreOmitted() {
        Person p = new Person(ID);
        p.status(Status.AKTIV);
        p.reservasjon(JaNei.NEI);
        p.mobiltelefonnummer("+4799999999");
        p.mobiltelefonnummerOppdatert(t("2026-01-01T00:00:00+01:00"));
        p.epostadresse(""); // upstream's "absent"
        assertEquals("{\"personidentifikator\":\"11822648950\",\"reservasjon\":\"NEI\",\"status\":\"AKTIV\","
                        + "\"varslingsstatus\":\"KAN_IKKE_VARSLES\",\"kontaktinformasjon\":{"
                        + "\"mobiltelefonnummer\":\"+4799999999\","
                        + "\"mobiltelefonnummer_oppdatert\":\"2026-01-01T00:00:00+01:00\"}}",
                PersonView.json(Optional.of(p), ID, ALL, RULE));
    }

    @Test
    void staleDataIsServedAsKanIkkeVarslesThoughStoredKanVarsles() {
        Person p = full();
        p.epostadresseOppdatert(t("2020-01-01T00:00:00Z"));
        p.epostadresseSistVerifisert(null);
        p.mobiltelefonnummerOppdatert(t("2020-01-01T00:00:00Z"));
        p.mobiltelefonnummerSistVerifisert(null);
        String json = PersonView.json(Optional.of(p), ID, Set.of(VARSLINGSSTATUS), RULE);
        assertEquals(true, json.contains("\"varslingsstatus\":\"KAN_IKKE_VARSLES\""), json);
    }

    @Test
    void outputIsDeterministicAndUtf8Safe() {
        Person p = full();
        p.postkasseadresse("åse.ødegård#\"Ø\\1\n");
        String a = PersonView.json(Optional.of(p), ID, ALL, RULE);
        String b = PersonView.json(Optional.of(p), ID, EnumSet.of(SPRAAK, SERTIFIKAT, DIGITAL_POST, VARSLINGSSTATUS,
                KONTAKTINFORMASJON), RULE);
        assertArrayEquals(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
        assertEquals(true, a.contains("\"postkasseadresse\":\"åse.ødegård#\\\"Ø\\\\1\\n\""), a);
    }

    @Test
    void aRecordOfAnotherPersonIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> PersonView.json(Optional.of(full()), new NationalId("23079421936"), ALL, RULE));
    }
}
