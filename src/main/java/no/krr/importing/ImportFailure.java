package no.krr.importing;

import jakarta.batch.api.chunk.listener.AbstractChunkListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Logger;

/**
 * When a chunk fails (and with it the import: no exception of a write is retried), keeps the
 * reason for the report's {@code failure} and says it in one log line.
 */
@Dependent
@Named("importFailure")
public class ImportFailure extends AbstractChunkListener {

    private static final Logger LOG = Logger.getLogger(ImportFailure.class.getName());

    @Inject
    JobContext job;

    @Inject
    ImportStore store;

    @Override
    public void onError(Exception failure) {
        String reason = FailureReason.of(failure);
        store.failed(ImportIds.of(job), reason);
        LOG.warning(() -> "Import job " + job.getExecutionId() + " failed: " + reason);
    }
}
