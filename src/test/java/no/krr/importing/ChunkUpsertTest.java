package no.krr.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import no.krr.person.Actor;
import no.krr.person.AuditEntry;
import no.krr.person.InvalidPersonException;
import no.krr.person.Person;
import no.krr.person.PersonJsonReader;
import no.krr.person.PersonRecord;
import org.junit.jupiter.api.Test;

class ChunkUpsertTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-12-03T12:00:00Z");
    private static final Actor IMPORT = Actor.job(ImportDetails.JOB, 7, Optional.of("sub=op;client_id=console"));
    private static final String A = "11822648950";
    private static final String B = "23079421936";

    private static PersonRecord line(String pid, String spraak) {
        try {
            return PersonJsonReader.read("{\"personidentifikator\":\"" + pid + "\",\"status\":\"AKTIV\",\"reservasjon\":\"NEI\","
                    + "\"spraak\":\"" + spraak + "\"}", PersonJsonReader.Strictness.STRICT);
        } catch (InvalidPersonException e) {
            throw new AssertionError(e);
        }
    }

    private static List<Person> stored(PersonRecord... records) {
        List<Person> stored = new java.util.ArrayList<>();
        for (PersonRecord r : records) {
            Person p = new Person(r.personidentifikator());
            r.applyTo(p);
            stored.add(p);
        }
        return stored;
    }

    @Test
    void aNewPersonIsAddedWithARowPerFieldItHas() {
        ChunkUpsert upsert = ChunkUpsert.of(List.of(line(A, "nb")), List.of(), AT, IMPORT);
        assertEquals(1, upsert.added().size());
        assertEquals(0, upsert.changed());
        assertEquals(List.of("status", "reservasjon", "spraak"), upsert.auditRows().stream().map(AuditEntry::field).toList());
        assertTrue(upsert.auditRows().stream().allMatch(r -> r.oldValue().isEmpty() && r.changedAt().equals(AT)
                && r.actor().equals(ImportDetails.JOB) && r.jobExecutionId().equals(Optional.of(7L))
                && r.startedBy().equals(Optional.of("sub=op;client_id=console"))));
    }

    @Test
    void theSameDataAgainChangesAndAuditsNothing() {
        List<Person> stored = stored(line(A, "nb"));
        ChunkUpsert upsert = ChunkUpsert.of(List.of(line(A, "nb")), stored, AT, IMPORT);
        assertEquals(List.of(), upsert.added());
        assertEquals(0, upsert.changed());
        assertEquals(List.of(), upsert.auditRows());
    }

    @Test
    void aStoredPersonChangesOnlyWhereTheLineDiffers() {
        List<Person> stored = stored(line(A, "nb"));
        ChunkUpsert upsert = ChunkUpsert.of(List.of(line(A, "se")), stored, AT, IMPORT);
        assertEquals(1, upsert.changed());
        assertEquals(1, upsert.auditRows().size());
        AuditEntry row = upsert.auditRows().get(0);
        assertEquals(List.of("spraak", Optional.of("nb"), Optional.of("se")), List.of(row.field(), row.oldValue(), row.newValue()));
        assertEquals("se", stored.get(0).spraak().orElseThrow().code(), "the stored person itself is changed");
    }

    @Test
    void aLaterLineForTheSameIdWinsAndIsAuditedAsAChangeOfTheFirst() {
        ChunkUpsert upsert = ChunkUpsert.of(List.of(line(B, "nb"), line(B, "en")), List.of(), AT, IMPORT);
        assertEquals(1, upsert.added().size(), "one person, made once");
        assertEquals("en", upsert.added().get(0).spraak().orElseThrow().code());
        assertEquals(1, upsert.changed());
        AuditEntry last = upsert.auditRows().get(upsert.auditRows().size() - 1);
        assertEquals(List.of("spraak", Optional.of("nb"), Optional.of("en")), List.of(last.field(), last.oldValue(), last.newValue()));
    }
}
