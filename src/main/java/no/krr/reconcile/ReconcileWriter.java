package no.krr.reconcile;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
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
            answer = new UpstreamRegister.Answer(Map.of(), Map.of());
            failure = Optional.of(e.reason());
        }
        Actor actor = StartedBy.actorOf(job);
        List<Discrepancy> recorded = chunk.commit(run, Integer.parseInt(partitionNo), runMode, locals, answer, failure, actor);
        recorded.forEach(d -> metrics.found(d.kind(), d.action()));
        metrics.checked(locals.size());
        if (recorded.stream().anyMatch(d -> d.kind() == DiscrepancyKind.UPSTREAM_ERROR)) {
            Optional<ErrorBudgetExceeded> exceeded = overBudget(store.count(run, DiscrepancyKind.UPSTREAM_ERROR),
                    Long.parseLong(errorBudget), failure);
            if (exceeded.isPresent()) {
                store.failed(run, exceeded.get().getMessage());
                throw exceeded.get();
            }
        }
        progressLog.chunkDone(run);
    }

    /**
     * Whether the run's upstream errors so far exceed its budget: the budget itself is still
     * tolerated. The reason named is the chunk's failed call, else its invalid answers.
     */
    static Optional<ErrorBudgetExceeded> overBudget(long errorsSoFar, long budget, Optional<String> failure) {
        return errorsSoFar > budget
                ? Optional.of(new ErrorBudgetExceeded(errorsSoFar, budget, failure.orElse("invalid upstream answers")))
                : Optional.empty();
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
