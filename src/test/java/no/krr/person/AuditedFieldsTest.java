package no.krr.person;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditedFieldsTest {

    private static final NationalId ID = new NationalId("11822648950");

    private static Person person() {
        Person p = new Person(ID);
        p.status(Status.AKTIV);
        p.epostadresse("ola@example.no");
        p.spraak(Spraak.NB);
        p.spraakOppdatert(OffsetDateTime.parse("2024-03-31T02:30:00+02:00"));
        p.sertifikat("MIIBszCCAVmgAwIBAgIU");
        return p;
    }

    @Test
    void anUnchangedPersonHasNoChanges() {
        Person p = person();
        assertTrue(AuditedFields.of(p).changesTo(AuditedFields.of(p)).isEmpty());
    }

    @Test
    void eachChangedFieldIsOneChangeWithItsValueBeforeAndAfter() {
        Person p = person();
        AuditedFields before = AuditedFields.of(p);
        p.epostadresse(null);
        p.mobiltelefonnummer("+4799999999");
        p.spraakOppdatert(OffsetDateTime.parse("2025-01-01T00:00:00Z"));
        assertEquals(List.of(
                new AuditedFields.Change("epostadresse", Optional.of("ola@example.no"), Optional.empty()),
                new AuditedFields.Change("mobiltelefonnummer", Optional.empty(), Optional.of("+4799999999")),
                new AuditedFields.Change("spraak_oppdatert", Optional.of("2024-03-31T00:30:00Z"),
                        Optional.of("2025-01-01T00:00:00Z"))),
                before.changesTo(AuditedFields.of(p)));
    }

    @Test
    void theSameInstantInAnotherOffsetIsNoChange() {
        Person p = person();
        AuditedFields before = AuditedFields.of(p);
        p.spraakOppdatert(OffsetDateTime.parse("2024-03-31T00:30:00Z"));
        assertTrue(before.changesTo(AuditedFields.of(p)).isEmpty());
    }

    @Test
    void aNewPersonChangesEveryFieldItHasFromNothing() {
        List<AuditedFields.Change> changes = AuditedFields.none().changesTo(AuditedFields.of(person()));
        assertEquals(List.of("status", "epostadresse", "sertifikat", "spraak", "spraak_oppdatert"),
                changes.stream().map(AuditedFields.Change::field).toList());
        assertTrue(changes.stream().allMatch(c -> c.before().isEmpty()));
        assertEquals(Optional.of("(20 characters)"), changes.get(2).after(), "the certificate by its length only");
    }
}
