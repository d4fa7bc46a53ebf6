package no.krr.importing;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.krr.person.Actor;
import no.krr.person.AuditEntry;
import no.krr.person.AuditTrail;
import no.krr.person.AuditedFields;
import no.krr.person.Person;
import no.krr.person.PersonRecord;

/**
 * What a chunk of import lines does to the persons it names, apart from the database: a stored
 * person changes only where its line differs (so the same file twice changes nothing), a new one is
 * made, a later line for the same id wins, and every changed field is an audit row.
 *
 * @param added     the persons the chunk makes, to be stored
 * @param changed   lines that changed a person already there (stored, or made earlier in the chunk)
 * @param auditRows one per changed field
 */
record ChunkUpsert(List<Person> added, long changed, List<AuditEntry> auditRows) {

    /** @param stored the chunk's persons that are stored already; changed in place */
    static ChunkUpsert of(List<PersonRecord> records, List<Person> stored, OffsetDateTime at, Actor actor) {
        Map<String, Person> known = new HashMap<>();
        stored.forEach(p -> known.put(p.id().value(), p));
        List<Person> added = new ArrayList<>();
        List<AuditEntry> rows = new ArrayList<>();
        long changed = 0;
        for (PersonRecord record : records) {
            Person person = known.get(record.personidentifikator().value());
            AuditedFields before;
            if (person == null) {
                person = new Person(record.personidentifikator());
                before = AuditedFields.none();
                record.applyTo(person);
                known.put(record.personidentifikator().value(), person);
                added.add(person);
            } else {
                before = AuditedFields.of(person);
                if (!record.applyTo(person)) {
                    continue;
                }
                changed++;
            }
            for (AuditedFields.Change change : before.changesTo(AuditedFields.of(person))) {
                rows.add(AuditTrail.entry(person.id(), change, at, actor));
            }
        }
        return new ChunkUpsert(List.copyOf(added), changed, List.copyOf(rows));
    }
}
