package no.krr.reconcile;

import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import no.krr.admin.JobDetails;
import no.krr.admin.StartedBy;
import no.krr.admin.Progress;

/**
 * The report of a reconciliation execution: its run's mode, counts (checked, matched,
 * discrepancies, corrected, upstreamErrors and one per kind) and progress, all read from the
 * run's tables, so every instance of a cluster gives the same answer.
 */
@ApplicationScoped
public class ReconcileDetails implements JobDetails {

    @Inject
    ReconcileStore store;

    @Inject
    Clock clock;

    @Override
    public String jobName() {
        return Reconciliations.JOB;
    }

    @Override
    public String reportPath() {
        return "/admin/v1/reconciliations/";
    }

    @Inject
    Reconciliations reconciliations;

    @Override
    public long restart(JobExecution execution) {
        try {
            return reconciliations.restart(execution.getExecutionId());
        } catch (Reconciliations.AlreadyRunning e) {
            throw new jakarta.batch.operations.JobRestartException(e.getMessage());
        }
    }

    @Override
    public java.util.Optional<Long> restartUnknown(long executionId, StartedBy by) {
        try {
            return reconciliations.restartOrphan(executionId, by);
        } catch (Reconciliations.AlreadyRunning e) {
            throw new jakarta.batch.operations.JobRestartException(e.getMessage());
        }
    }

    @Override
    public void addTo(JsonObjectBuilder report, JobExecution execution) {
        long instanceId = BatchRuntime.getJobOperator().getJobInstance(execution.getExecutionId()).getInstanceId();
        long runId = RunIds.of(instanceId, execution.getJobParameters());
        report.add("mode", execution.getJobParameters().getProperty(RunParameters.MODE, ""));
        report.add("run", runId);
        store.run(runId).ifPresent(run -> {
            run.failure().ifPresent(why -> report.add("failure", why));
            ReconcileStore.Counts counts = store.counts(runId);
            JsonObjectBuilder json = Json.createObjectBuilder()
                    .add("checked", counts.checked())
                    .add("matched", counts.matched())
                    .add("discrepancies", counts.discrepancies())
                    .add("corrected", counts.corrected())
                    .add("upstreamErrors", counts.upstreamErrors())
                    .add("held", counts.held());
            counts.byKind().forEach((kind, n) -> json.add(kind.name(), n));
            report.add("counts", json);
            Instant end = run.endedAt().map(t -> t.toInstant()).orElse(clock.instant());
            Duration elapsed = Duration.between(run.resumedAt().toInstant(), end);
            report.add("progress", new Progress(counts.checked(), run.total(),
                    counts.checked() - run.checkedAtResume(), elapsed).toJson());
        });
    }
}
