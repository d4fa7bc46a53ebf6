package no.krr.importing;

import jakarta.batch.api.chunk.listener.SkipProcessListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Records each skipped line with its number and reason, in the chunk's transaction: a chunk that
 * rolls back takes its report rows with it, and its lines are reported again when it is redone.
 */
@Dependent
@Named("importSkipReport")
public class ImportSkipReport implements SkipProcessListener {

    @Inject
    JobContext job;

    @PersistenceContext(unitName = "krr")
    EntityManager em;

    @Override
    public void onSkipProcessItem(Object item, Exception ex) {
        NdjsonLine line = (NdjsonLine) item;
        em.merge(new ImportSkip(job.getInstanceId(), line.number(), ex.getMessage()));
    }
}
