package no.krr.importing;

import jakarta.batch.api.chunk.listener.SkipProcessListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Records each skipped line with its number and reason ({@link ImportStore#skipped}). */
@Dependent
@Named("importSkipReport")
public class ImportSkipReport implements SkipProcessListener {

    @Inject
    JobContext job;

    @Inject
    ImportStore store;

    @Override
    public void onSkipProcessItem(Object item, Exception ex) {
        NdjsonLine line = (NdjsonLine) item;
        store.skipped(ImportIds.of(job), line.number(), ex.getMessage());
    }
}
