package no.krr.reconcile;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import no.krr.person.InvalidPersonException;
import no.krr.person.JaNei;
import no.krr.person.NationalId;
import no.krr.person.Person;
import no.krr.person.PersonJsonReader;
import no.krr.person.PersonRecord;
import no.krr.person.Spraak;
import no.krr.person.Status;
import no.krr.person.Varslingsstatus;
import org.junit.jupiter.api.Test;

/** What {@link Repairs} does to a person once it holds the row lock: the version check and each kind's repair. */
class RepairsTest {

    private static final NationalId PID = new NationalId("11822648950");
    private static final OffsetDateTime EARLY = OffsetDateTime.parse("2023-06-29T10:14:52+02:00");
    private static final String LATE = "2024-01-15T08:00:00+01:00";

    private static PersonRecord upstream(String json) {
        try {
            return PersonJsonReader.read("{\"personidentifikator\":\"" + PID.value() + "\"," + json + "}",
                    PersonJsonReader.Strictness.LENIENT);
        } catch (InvalidPersonException e) {
            throw new AssertionError("test data: " + json, e);
        }
    }

    /** An AKTIV person with Bokmål, may be notified, and an e-mail address. */
    private static Person ours() {
        Person person = new Person(PID);
        person.status(Status.AKTIV);
        person.reservasjon(JaNei.NEI);
        person.spraak(Spraak.NB);
        person.spraakOppdatert(EARLY);
        person.varslingsstatus(Varslingsstatus.KAN_VARSLES);
        person.epostadresse("ola@example.no");
        return person;
    }

    private static Finding finding(DiscrepancyKind kind) {
        return new Finding(kind, Optional.empty(), Optional.empty());
    }

    @Test
    void aPersonIsRepairedOnlyIfItIsStillTheVersionTheRunRead() {
        Person person = ours();
        assertTrue(Repairs.stillAsRead(person, person.version()));
        assertFalse(Repairs.stillAsRead(person, person.version() + 1), "someone changed it since: their change wins");
        assertFalse(Repairs.stillAsRead(null, 0), "deleted since the run read it");
    }

    @Test
    void upstreamsNewerSpraakTakesItsLanguageAndTimeInUtcAndNothingElse() {
        Person person = ours();
        Repairs.applyUpstream(person, upstream("\"status\":\"AKTIV\",\"reservasjon\":\"NEI\",\"spraak\":\"en\","
                + "\"spraak_oppdatert\":\"" + LATE + "\",\"varslingsstatus\":\"KAN_IKKE_VARSLES\""),
                List.of(finding(DiscrepancyKind.SPRAAK_UPSTREAM_NEWER)));
        assertAll(
                () -> assertEquals(Optional.of(Spraak.EN), person.spraak()),
                () -> assertEquals(Optional.of(OffsetDateTime.parse("2024-01-15T07:00:00Z")), person.spraakOppdatert()),
                () -> assertEquals(ZoneOffset.UTC, person.spraakOppdatert().orElseThrow().getOffset()),
                () -> assertEquals(Optional.of(Varslingsstatus.KAN_VARSLES), person.varslingsstatus(),
                        "only the finding's field is repaired"),
                () -> assertEquals(Optional.of("ola@example.no"), person.epostadresse()));
    }

    @Test
    void upstreamsNewerAbsenceOfALanguageClearsOurs() {
        Person person = ours();
        Repairs.applyUpstream(person, upstream("\"status\":\"AKTIV\",\"reservasjon\":\"NEI\""),
                List.of(finding(DiscrepancyKind.SPRAAK_UPSTREAM_NEWER)));
        assertEquals(Optional.empty(), person.spraak());
        assertEquals(Optional.empty(), person.spraakOppdatert());
    }

    @Test
    void aVarslingsstatusMismatchTakesUpstreamsAndNothingElse() {
        Person person = ours();
        Repairs.applyUpstream(person, upstream("\"status\":\"AKTIV\",\"reservasjon\":\"NEI\",\"spraak\":\"en\","
                + "\"varslingsstatus\":\"KAN_IKKE_VARSLES\""), List.of(finding(DiscrepancyKind.VARSLINGSSTATUS_MISMATCH)));
        assertEquals(Optional.of(Varslingsstatus.KAN_IKKE_VARSLES), person.varslingsstatus());
        assertEquals(Optional.of(Spraak.NB), person.spraak());
    }

    @Test
    void aStatusMismatchTakesUpstreamsRecordAsAWholeClearingContactData() {
        Person person = ours();
        Repairs.applyUpstream(person, upstream("\"status\":\"SLETTET\""), List.of(finding(DiscrepancyKind.STATUS_MISMATCH)));
        assertAll(
                () -> assertEquals(Status.SLETTET, person.status()),
                () -> assertEquals(Optional.empty(), person.epostadresse()),
                () -> assertEquals(Optional.empty(), person.spraak()),
                () -> assertEquals(Optional.empty(), person.varslingsstatus()));
    }

    @Test
    void ourNewerSpraakAndAnUpstreamErrorChangeNothing() {
        Person person = ours();
        Repairs.applyUpstream(person, upstream("\"status\":\"AKTIV\",\"reservasjon\":\"NEI\",\"spraak\":\"en\","
                        + "\"varslingsstatus\":\"KAN_IKKE_VARSLES\""),
                List.of(finding(DiscrepancyKind.SPRAAK_LOCAL_NEWER), finding(DiscrepancyKind.UPSTREAM_ERROR)));
        assertEquals(Optional.of(Spraak.NB), person.spraak());
        assertEquals(Optional.of(EARLY), person.spraakOppdatert());
        assertEquals(Optional.of(Varslingsstatus.KAN_VARSLES), person.varslingsstatus());
    }

    @Test
    void twoFindingsOfOnePersonAreRepairedTogether() {
        Person person = ours();
        Repairs.applyUpstream(person, upstream("\"status\":\"AKTIV\",\"reservasjon\":\"NEI\",\"spraak\":\"nn\","
                        + "\"spraak_oppdatert\":\"" + LATE + "\",\"varslingsstatus\":\"KAN_IKKE_VARSLES\""),
                List.of(finding(DiscrepancyKind.SPRAAK_UPSTREAM_NEWER), finding(DiscrepancyKind.VARSLINGSSTATUS_MISMATCH)));
        assertEquals(Optional.of(Spraak.NN), person.spraak());
        assertEquals(Optional.of(Varslingsstatus.KAN_IKKE_VARSLES), person.varslingsstatus());
    }
}
