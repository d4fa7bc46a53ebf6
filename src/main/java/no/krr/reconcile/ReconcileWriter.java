package no.krr.reconcile;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.krr.person.Actor;
import no.krr.person.NationalId;
import no.krr.person.PersonRecord;
import no.krr.upstream.UpstreamException;
import no.krr.upstream.UpstreamRegister;

/**
 * The work of one chunk: one upstream call for the chunk's persons, the findings, the repairs in
 * RECONCILE mode, and the partition's new position, all in the chunk's transaction.
 */
@Dependent
@Named("reconcileWriter")
public class ReconcileWriter extends AbstractItemWriter {

    @Inject
    @BatchProperty(name = "runId")
    String runId;

    @Inject
    @BatchProperty(name = "partitionNo")
    String partitionNo;

    @Inject
    @BatchProperty(name = "mode")
    String mode;

    @Inject
    @BatchProperty(name = "errorBudget")
    String errorBudget;

    @Inject
    JobContext job;

    @Inject
    UpstreamRegister register;

    @Inject
    ReconcileStore store;

    @Inject
    Repairs repairs;

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
            answer = register.lookup(locals.stream().map(l -> new NationalId(l.personidentifikator())).toList());
        } catch (UpstreamException e) {
            if (!e.retryable()) {
                // a refusal (Maskinporten said no, a 4xx, bad settings): no use marking every person
                store.failed(run, "upstream refused: " + e.reason());
                throw new UpstreamRefused(e.reason());
            }
            answer = new UpstreamRegister.Answer(java.util.Map.of(), java.util.Map.of());
            failure = Optional.of(e.reason());
        }
        Actor actor = Actor.job("reconcile-persons", job.getExecutionId());
        long errors = 0;
        for (LocalSnapshot local : locals) {
            String pid = local.personidentifikator();
            PersonRecord upstream = answer.persons().get(pid);
            Optional<String> error = failure.isPresent() ? failure
                    : Optional.ofNullable(answer.invalid().get(pid))
                            .or(() -> upstream == null ? Optional.of("missing from the upstream answer") : Optional.empty());
            if (error.isPresent()) {
                errors++;
                record(run, pid, new Finding(DiscrepancyKind.UPSTREAM_ERROR, Optional.empty(), Optional.empty()),
                        Action.NONE, error);
                continue;
            }
            List<Finding> findings = Classifier.classify(local, upstream);
            if (findings.isEmpty()) {
                continue;
            }
            List<Finding> repairable = new ArrayList<>();
            findings.stream().filter(f -> Repairs.takesUpstream(f.kind())).forEach(repairable::add);
            Action repaired = runMode == Mode.RECONCILE && !repairable.isEmpty()
                    ? repairs.repair(local, upstream, repairable, actor) : Action.NONE;
            for (Finding finding : findings) {
                Action action = runMode == Mode.VERIFY ? Action.NONE
                        : finding.kind() == DiscrepancyKind.SPRAAK_LOCAL_NEWER ? Action.KEPT_LOCAL
                        : repaired;
                record(run, pid, finding, action, action == Action.SKIPPED_CHANGED
                        ? Optional.of("the person changed after the run read it") : Optional.empty());
            }
        }
        RunPartition partition = store.partition(run, Integer.parseInt(partitionNo));
        partition.advance(locals.get(locals.size() - 1).personidentifikator(), locals.size(), store.now());
        metrics.checked(locals.size());
        if (errors > 0) {
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

    private void record(long run, String pid, Finding finding, Action action, Optional<String> detail) {
        store.add(new Discrepancy(run, pid, finding, action, detail));
        metrics.found(finding.kind(), action);
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
