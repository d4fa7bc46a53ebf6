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

    @Override
    public void afterJob() {
        if (job.getBatchStatus() == BatchStatus.COMPLETED) {
            String file = job.getProperties().getProperty("file");
            if (file != null) {
                files.delete(Path.of(file));
            }
        }
    }
}
