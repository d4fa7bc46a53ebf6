package no.krr.person;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PersonRecordTest {

    private static final NationalId ID = new NationalId("11822648950");

    private static Optional<OffsetDateTime> t(String iso) {
        return Optional.of(OffsetDateTime.parse(iso));
    }

    private static PersonRecord.Channel channel(String value, String oppdatert, String verifisert, String validert,
                                                JaNei duplisert) {
        return new PersonRecord.Channel(Optional.of(value), t(oppdatert), t(verifisert), t(validert), Optional.of(duplisert));
    }

    /** Every field set, timestamps in the three offsets upstream uses. */
    private static PersonRecord full() {
        return new PersonRecord(ID, Status.AKTIV, Optional.of(JaNei.JA),
                t("2014-02-25T13:08:00+01:00"), t("2023-06-29T10:14:52+02:00"),
                Optional.of(Varslingsstatus.KAN_IKKE_VARSLES),
                channel("ola.nordmann@example.no", "2023-08-05T10:45:15.768Z", "2023-08-06T10:00:00+02:00",
                        "2023-08-07T09:00:00Z", JaNei.NEI),
                channel("+4799999999", "2022-01-01T12:00:00+01:00", "2022-01-02T12:00:00Z",
                        "2022-01-03T12:00:00+01:00", JaNei.JA),
                Optional.of("ola.nordmann#9YDT"), Optional.of("984661185"), Optional.of("MIIBszCCAVmgAwIBAgIU"),
                Optional.of(Spraak.EN), t("2024-03-31T02:30:00+02:00"));
    }

    private static PersonRecord withEpost(PersonRecord r, PersonRecord.Channel epost) {
        return new PersonRecord(r.personidentifikator(), r.status(), r.reservasjon(), r.reservasjonstidspunkt(),
                r.reservasjonOppdatert(), r.varslingsstatus(), epost, r.mobil(), r.postkasseadresse(),
                r.postkasseleverandoeradresse(), r.sertifikat(), r.spraak(), r.spraakOppdatert());
    }

    private static PersonRecord withSpraakOppdatert(PersonRecord r, Optional<OffsetDateTime> spraakOppdatert) {
        return new PersonRecord(r.personidentifikator(), r.status(), r.reservasjon(), r.reservasjonstidspunkt(),
                r.reservasjonOppdatert(), r.varslingsstatus(), r.epost(), r.mobil(), r.postkasseadresse(),
                r.postkasseleverandoeradresse(), r.sertifikat(), r.spraak(), spraakOppdatert);
    }

    private static List<OffsetDateTime> timestampsOf(Person p) {
        return Stream.of(p.reservasjonstidspunkt(), p.reservasjonOppdatert(),
                        p.epostadresseOppdatert(), p.epostadresseSistVerifisert(), p.epostadresseSistValidert(),
                        p.mobiltelefonnummerOppdatert(), p.mobiltelefonnummerSistVerifisert(),
                        p.mobiltelefonnummerSistValidert(), p.spraakOppdatert())
                .flatMap(Optional::stream).toList();
    }

    @Test
    void applyingToAFreshPersonCopiesEveryField() {
        Person p = new Person(ID);
        PersonRecord r = full();

        assertTrue(r.applyTo(p));

        assertAll(
                () -> assertEquals(Status.AKTIV, p.status()),
                () -> assertEquals(r.reservasjon(), p.reservasjon()),
                () -> assertEquals(instant(r.reservasjonstidspunkt()), instant(p.reservasjonstidspunkt())),
                () -> assertEquals(instant(r.reservasjonOppdatert()), instant(p.reservasjonOppdatert())),
                () -> assertEquals(r.varslingsstatus(), p.varslingsstatus()),
                () -> assertEquals(r.epost().value(), p.epostadresse()),
                () -> assertEquals(instant(r.epost().oppdatert()), instant(p.epostadresseOppdatert())),
                () -> assertEquals(instant(r.epost().sistVerifisert()), instant(p.epostadresseSistVerifisert())),
                () -> assertEquals(instant(r.epost().sistValidert()), instant(p.epostadresseSistValidert())),
                () -> assertEquals(r.epost().duplisert(), p.epostadresseDuplisert()),
                () -> assertEquals(r.mobil().value(), p.mobiltelefonnummer()),
                () -> assertEquals(instant(r.mobil().oppdatert()), instant(p.mobiltelefonnummerOppdatert())),
                () -> assertEquals(instant(r.mobil().sistVerifisert()), instant(p.mobiltelefonnummerSistVerifisert())),
                () -> assertEquals(instant(r.mobil().sistValidert()), instant(p.mobiltelefonnummerSistValidert())),
                () -> assertEquals(r.mobil().duplisert(), p.mobiltelefonnummerDuplisert()),
                () -> assertEquals(r.postkasseadresse(), p.postkasseadresse()),
                () -> assertEquals(r.postkasseleverandoeradresse(), p.postkasseleverandoeradresse()),
                () -> assertEquals(r.sertifikat(), p.sertifikat()),
                () -> assertEquals(r.spraak(), p.spraak()),
                () -> assertEquals(instant(r.spraakOppdatert()), instant(p.spraakOppdatert())),
                () -> assertEquals(9, timestampsOf(p).size()));
    }

    private static Optional<java.time.Instant> instant(Optional<OffsetDateTime> t) {
        return t.map(OffsetDateTime::toInstant);
    }

    @Test
    void storedTimestampsAreInUtc() {
        Person p = new Person(ID);
        full().applyTo(p);

        timestampsOf(p).forEach(t -> assertEquals(ZoneOffset.UTC, t.getOffset(), t::toString));
        assertEquals(OffsetDateTime.parse("2024-03-31T00:30:00Z"), p.spraakOppdatert().orElseThrow());
    }

    @Test
    void applyingTheSameRecordTwiceChangesNothingTheSecondTime() {
        Person p = new Person(ID);
        assertTrue(full().applyTo(p));

        assertFalse(full().applyTo(p));
    }

    @Test
    void theSameInstantInAnotherOffsetIsNoChange() {
        Person p = new Person(ID);
        full().applyTo(p);
        OffsetDateTime stored = p.spraakOppdatert().orElseThrow();

        PersonRecord sameInstantInOslo = withSpraakOppdatert(full(), t("2024-03-31T02:30:00+02:00"));
        PersonRecord sameInstantInZulu = withSpraakOppdatert(full(), t("2024-03-31T00:30:00Z"));
        PersonRecord sameInstantFarAway = withSpraakOppdatert(full(), t("2024-03-31T09:30:00+09:00"));

        assertFalse(sameInstantInOslo.applyTo(p));
        assertFalse(sameInstantInZulu.applyTo(p));
        assertFalse(sameInstantFarAway.applyTo(p));
        assertEquals(stored, p.spraakOppdatert().orElseThrow());
    }

    @Test
    void aStoredTimestampWithAnotherOffsetButTheSameInstantIsNoChange() {
        // as a database may hand it back: same instant, the session's offset
        Person p = new Person(ID);
        full().applyTo(p);
        p.spraakOppdatert(OffsetDateTime.parse("2024-03-31T01:30:00+01:00"));

        assertFalse(full().applyTo(p));
    }

    @Test
    void aDifferentInstantIsAChange() {
        Person p = new Person(ID);
        full().applyTo(p);

        assertTrue(withSpraakOppdatert(full(), t("2024-03-31T02:30:00.001+02:00")).applyTo(p));
        assertEquals(OffsetDateTime.parse("2024-03-31T00:30:00.001Z"), p.spraakOppdatert().orElseThrow());
    }

    @Test
    void clearingAFieldIsAChange() {
        Person p = new Person(ID);
        full().applyTo(p);

        assertTrue(withEpost(full(), PersonRecord.Channel.NONE).applyTo(p));

        assertEquals(Optional.empty(), p.epostadresse());
        assertEquals(Optional.empty(), p.epostadresseOppdatert());
        assertEquals(Optional.empty(), p.epostadresseSistVerifisert());
        assertEquals(Optional.empty(), p.epostadresseSistValidert());
        assertEquals(Optional.empty(), p.epostadresseDuplisert());
        assertEquals(Optional.of("+4799999999"), p.mobiltelefonnummer());
    }

    @Test
    void clearingOnlyATimestampIsAChange() {
        Person p = new Person(ID);
        full().applyTo(p);

        assertTrue(withSpraakOppdatert(full(), Optional.empty()).applyTo(p));
        assertEquals(Optional.empty(), p.spraakOppdatert());
    }

    @Test
    void aSlettetRecordClearsTheContactDataOfAnAktivPerson() {
        Person p = new Person(ID);
        full().applyTo(p);
        PersonRecord slettet = new PersonRecord(ID, Status.SLETTET, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(Varslingsstatus.KAN_IKKE_VARSLES), PersonRecord.Channel.NONE, PersonRecord.Channel.NONE,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

        assertTrue(slettet.applyTo(p));

        assertEquals(Status.SLETTET, p.status());
        assertEquals(Optional.empty(), p.reservasjon());
        assertEquals(Optional.empty(), p.epostadresse());
        assertEquals(Optional.empty(), p.mobiltelefonnummer());
        assertEquals(Optional.empty(), p.postkasseadresse());
        assertEquals(Optional.empty(), p.sertifikat());
        assertEquals(Optional.empty(), p.spraak());
        assertEquals(List.of(), timestampsOf(p));
        assertFalse(slettet.applyTo(p));
    }
}
