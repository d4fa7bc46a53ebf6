package no.krr.reconcile;

import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Logger;

/** Ties a run to its lock when it starts, and records its end and gives the lock back when it ends. */
@Dependent
@Named("reconcileRunListener")
public class RunListener extends AbstractJobListener {

    private static final Logger LOG = Logger.getLogger(RunListener.class.getName());

    @Inject
    JobContext job;

    @Inject
    ReconcileStore store;

    @Inject
    ProgressLog progressLog;

    @Override
    public void beforeJob() {
        long runId = RunIds.of(job);
        String token = job.getProperties().getProperty("lockToken", "");
        if (!token.isBlank()) {
            store.bindLock(token, runId);
        }
        if (store.run(runId).isPresent()) {
            store.resumed(runId);
            LOG.info(() -> "Reconciliation run " + runId + " goes on in execution " + job.getExecutionId());
        }
    }

    @Override
    public void afterJob() {
        long runId = RunIds.of(job);
        store.ended(runId, job.getBatchStatus().name());
        String token = job.getProperties().getProperty("lockToken", "");
        if (!token.isBlank()) {
            store.releaseLock(token);
        }
        progressLog.forget(runId);
        ReconcileStore.Counts counts = store.counts(runId);
        LOG.info(() -> "Reconciliation run " + runId + " ended " + job.getBatchStatus() + ": " + counts.checked()
                + " checked, " + counts.discrepancies() + " discrepancies, " + counts.corrected() + " corrected, "
                + counts.upstreamErrors() + " upstream errors");
    }
}
