package no.krr.importing;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import no.krr.admin.StartedBy;
import no.krr.person.Actor;
import no.krr.person.PersonRecord;

/**
 * Writes a chunk of persons through {@link ImportStore#commit}, with the reader's position after
 * the chunk's last line: the persons, their audit rows and the position commit together.
 */
@Dependent
@Named("personUpsertWriter")
public class PersonUpsertWriter extends AbstractItemWriter {

    @Inject
    ImportStore store;

    @Inject
    JobContext job;

    @Inject
    StepContext step;

    @Override
    public void writeItems(List<Object> items) {
        NdjsonLineReader.Position to = (NdjsonLineReader.Position) step.getTransientUserData();
        Actor actor = StartedBy.actorOf(job);
        store.commit(ImportIds.of(job), items.stream().map(PersonRecord.class::cast).toList(), to, actor);
    }
}
