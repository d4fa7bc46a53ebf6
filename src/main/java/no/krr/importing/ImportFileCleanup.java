package no.krr.importing;

import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.nio.file.Path;

/**
 * Deletes an import's file once the import completed. A stopped or failed one keeps it for a restart,
 * for {@code krr.import.retention}; {@link ImportFileSweep} deletes it after that (and the file of an
 * abandoned import, which no listener sees end).
 */
@Dependent
@Named("importFileCleanup")
public class ImportFileCleanup extends AbstractJobListener {

    @Inject
    JobContext job;

    @Inject
    ImportFiles files;

    /**
     * Whether the job ended neither failed nor stopped. Payara's batch runtime calls the listener
     * while the status still says STARTED and sets COMPLETED after it (seen in ImportIT: a test for
     * COMPLETED alone never deleted a file).
     */
    static boolean ranToItsEnd(BatchStatus status) {
        return status == BatchStatus.COMPLETED || status == BatchStatus.STARTED;
    }

    @Override
    public void afterJob() {
        if (ranToItsEnd(job.getBatchStatus())) {
            String file = job.getProperties().getProperty(ImportParameters.FILE);
            if (file != null) {
                files.delete(Path.of(file));
            }
        }
    }
}
