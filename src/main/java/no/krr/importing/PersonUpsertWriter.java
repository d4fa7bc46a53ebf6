package no.krr.importing;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.StepContext;
import jakarta.inject.Inject;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.krr.person.Person;
import no.krr.person.PersonRecord;
import no.krr.person.PersonRepository;

/**
 * Upserts a chunk of persons by national id in the chunk's transaction: one query finds the stored
 * ones, new ones are added, stored ones change only where the line differs (so the same file
 * imported twice changes nothing). A later line for the same id wins. The number of persons
 * added or changed is kept as the step's persistent user data, so it survives a restart.
 */
@Dependent
@Named("personUpsertWriter")
public class PersonUpsertWriter extends AbstractItemWriter {

    @Inject
    PersonRepository persons;

    @Inject
    StepContext step;

    @Override
    public void writeItems(List<Object> items) {
        List<PersonRecord> records = items.stream().map(PersonRecord.class::cast).toList();
        long changed = 0;
        Map<String, Person> stored = new HashMap<>();
        persons.findAll(records.stream().map(r -> r.personidentifikator().value()).distinct().toList())
                .forEach(p -> stored.put(p.id().value(), p));
        for (PersonRecord record : records) {
            Person person = stored.get(record.personidentifikator().value());
            if (person == null) {
                person = new Person(record.personidentifikator());
                record.applyTo(person);
                persons.add(person);
                stored.put(record.personidentifikator().value(), person);
                changed++;
            } else if (record.applyTo(person)) {
                changed++;
            }
        }
        step.setPersistentUserData(changedSoFar(step) + changed);
    }

    static long changedSoFar(StepContext step) {
        return step.getPersistentUserData() instanceof Long soFar ? soFar : 0L;
    }
}
