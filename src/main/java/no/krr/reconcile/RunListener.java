package no.krr.reconcile;

import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
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
    RunLock lock;

    @Inject
    ProgressLog progressLog;

    @Override
    public void beforeJob() {
        long runId = RunIds.of(job);
        String token = job.getProperties().getProperty(RunParameters.LOCK_TOKEN, "");
        if (!token.isBlank()) {
            lock.bind(token, runId);
        }
        store.executionStarted(job.getExecutionId(), runId);
        if (store.run(runId).isPresent()) {
            store.resumed(runId);
            LOG.info(() -> "Reconciliation run " + runId + " goes on in execution " + job.getExecutionId());
        }
    }

    @Override
    public void afterJob() {
        long runId = RunIds.of(job);
        store.ended(runId, endStatus(job.getBatchStatus()));
        String token = job.getProperties().getProperty(RunParameters.LOCK_TOKEN, "");
        if (!token.isBlank()) {
            lock.release(token);
        }
        progressLog.forget(runId);
        summarise(runId);
    }

    /** The summary line is a courtesy: failing to write it must not fail the run. */
    private void summarise(long runId) {
        ReconcileStore.Counts counts;
        try {
            counts = store.counts(runId);
        } catch (RuntimeException e) {
            LOG.log(java.util.logging.Level.WARNING, "Could not summarise reconciliation run " + runId, e);
            return;
        }
        LOG.info(() -> "Reconciliation run " + runId + " (execution " + job.getExecutionId() + ") finished: " + counts.checked()
                + " checked, " + counts.discrepancies() + " discrepancies, " + counts.corrected() + " corrected, "
                + counts.upstreamErrors() + " upstream errors");
    }

    /** Listeners run before the runtime sets the final status: STARTED ends as COMPLETED, STOPPING as STOPPED. */
    static BatchStatus endStatus(BatchStatus status) {
        return switch (status) {
            case STARTED, STARTING -> BatchStatus.COMPLETED;
            case STOPPING -> BatchStatus.STOPPED;
            default -> status;
        };
    }
}
