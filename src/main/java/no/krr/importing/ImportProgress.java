package no.krr.importing;

import jakarta.batch.api.chunk.listener.AbstractChunkListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import no.krr.admin.JobProgressStore;

/** After each chunk, records how many lines the import has read, for its live progress. */
@Dependent
@Named("importProgress")
public class ImportProgress extends AbstractChunkListener {

    @Inject
    JobContext job;

    @Inject
    StepContext step;

    @Inject
    JobProgressStore progress;

    @Override
    public void afterChunk() {
        if (step.getTransientUserData() instanceof NdjsonLineReader.Position position) {
            long total = ImportParameters.lines(job.getProperties());
            progress.record(job.getExecutionId(), position.linesRead(), total);
        }
    }
}
