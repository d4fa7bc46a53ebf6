package no.krr.importing;

import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Records which import an execution works on, with its file, in our own table: the batch
 * runtime's repository may die with its server (the embedded setup), and a new server must still
 * be able to resume the import.
 */
@Dependent
@Named("importExecutionLog")
public class ImportExecutionLog extends AbstractJobListener {

    @Inject
    JobContext job;

    @Inject
    ImportStore store;

    @Override
    public void beforeJob() {
        store.executionStarted(job.getExecutionId(), ImportIds.of(job), job.getProperties());
    }
}
