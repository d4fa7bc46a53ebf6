package no.krr.reconcile;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;
import no.krr.admin.StartedBy;
import no.krr.person.Actor;
import no.krr.upstream.UpstreamException;
import no.krr.upstream.UpstreamRegister;

/**
 * The work of one chunk: one upstream call for the chunk's persons, outside any transaction of
 * ours, then the findings, the repairs in RECONCILE mode and the partition's new position in one
 * local transaction ({@link ReconcileChunk}).
 */
@Dependent
@Named("reconcileWriter")
public class ReconcileWriter extends AbstractItemWriter {

    @Inject
    @BatchProperty(name = RunParameters.RUN_ID)
    String runId;

    @Inject
    @BatchProperty(name = RunParameters.PARTITION_NO)
    String partitionNo;

    @Inject
    @BatchProperty(name = RunParameters.MODE)
    String mode;

    @Inject
    @BatchProperty(name = RunParameters.ERROR_BUDGET)
    String errorBudget;

    @Inject
    JobContext job;

    @Inject
    UpstreamRegister register;

    @Inject
    ReconcileStore store;

    @Inject
    ReconcileChunk chunk;

    @Inject
    ReconcileMetrics metrics;

    @Inject
    ProgressLog progressLog;

    @Override
    public void writeItems(List<Object> items) throws ErrorBudgetExceeded, UpstreamRefused {
        long run = Long.parseLong(runId);
        Mode runMode = Mode.valueOf(mode);
        Optional<String> failure = Optional.empty();
        List<LocalSnapshot> locals = items.stream().map(LocalSnapshot.class::cast).toList();
        UpstreamRegister.Answer answer;
        try {
            answer = register.lookup(locals.stream().map(LocalSnapshot::personidentifikator).toList());
        } catch (UpstreamException e) {
            if (!e.retryable()) {
                // a refusal (Maskinporten said no, a 4xx, bad settings): no use marking every person
                store.failed(run, "upstream refused: " + e.reason());
                throw new UpstreamRefused(e.reason());
            }
            answer = new UpstreamRegister.Answer(java.util.Map.of(), java.util.Map.of());
            failure = Optional.of(e.reason());
        }
        Actor actor = Actor.job(Reconciliations.JOB, job.getExecutionId(),
                StartedBy.of(job.getProperties()).map(StartedBy::format));
        List<Discrepancy> recorded = chunk.commit(run, Integer.parseInt(partitionNo), runMode, locals, answer, failure, actor);
        recorded.forEach(d -> metrics.found(d.kind(), d.action()));
        metrics.checked(locals.size());
        if (recorded.stream().anyMatch(d -> d.kind() == DiscrepancyKind.UPSTREAM_ERROR)) {
            long budget = Long.parseLong(errorBudget);
            long soFar = store.count(run, DiscrepancyKind.UPSTREAM_ERROR);
            if (soFar > budget) {
                ErrorBudgetExceeded exceeded = new ErrorBudgetExceeded(soFar, budget, failure.orElse("invalid upstream answers"));
                store.failed(run, exceeded.getMessage());
                throw exceeded;
            }
        }
        progressLog.chunkDone(run);
    }

    /** More persons failed upstream than the run may tolerate: the run stops as FAILED and can be restarted. */
    public static class ErrorBudgetExceeded extends Exception {
        ErrorBudgetExceeded(long errors, long budget, String lastReason) {
            super("upstream errors for " + errors + " persons exceed the error budget of " + budget
                    + " (krr.reconcile.error-budget); last: " + lastReason);
        }
    }

    /** Upstream refused in a way another attempt will not mend: the run stops as FAILED with the reason. */
    public static class UpstreamRefused extends Exception {
        UpstreamRefused(String reason) {
            super(reason);
        }
    }
}
