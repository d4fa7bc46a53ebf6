package no.krr.importing;

import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import jakarta.inject.Inject;
import no.krr.admin.JobDetails;
import no.krr.admin.JobProgress;
import no.krr.admin.JobProgressStore;
import no.krr.admin.Progress;

/**
 * The report of an import: {@code counts} (written, skipped, read as their sum, and changed:
 * persons added or actually changed, 0 when the same file is imported again) of every chunk the
 * job instance committed over all its executions ({@link ImportStore}: a chunk that rolled back
 * counts for nothing), its progress in lines (live while it runs), and the first skipped lines
 * with their reasons.
 */
@ApplicationScoped
public class ImportDetails implements JobDetails {

    public static final String JOB = "import-persons";
    static final int SKIPS_SHOWN = 100;

    @Inject
    ImportStore store;

    @Inject
    JobProgressStore progress;

    @Override
    public String jobName() {
        return JOB;
    }

    /** A restart needs the file: after {@code krr.import.retention} it is gone, and the restart is refused. */
    @Override
    public long restart(JobExecution execution) {
        String file = BatchRuntime.getJobOperator().getParameters(execution.getExecutionId()).getProperty("file");
        if (file != null && !java.nio.file.Files.exists(java.nio.file.Path.of(file))) {
            throw new jakarta.batch.operations.JobRestartException(
                    "its file was deleted (krr.import.retention after it ended); import the file again");
        }
        return JobDetails.super.restart(execution);
    }

    @Override
    public void addTo(JsonObjectBuilder report, JobExecution execution) {
        var operator = BatchRuntime.getJobOperator();
        var instance = operator.getJobInstance(execution.getExecutionId());
        long readBefore = 0;
        for (JobExecution earlier : operator.getJobExecutions(instance)) {
            if (earlier.getExecutionId() < execution.getExecutionId()) {
                for (StepExecution step : operator.getStepExecutions(earlier.getExecutionId())) {
                    readBefore += metric(step, Metric.MetricType.READ_COUNT);
                }
            }
        }
        ImportStore.Counts counts = store.counts(instance.getInstanceId());
        long read = counts.written() + counts.skipped();
        long readThisRun = Math.max(0, read - readBefore);
        long total = Long.parseLong(execution.getJobParameters().getProperty("lines", "0"));
        long done = read;
        if (execution.getEndTime() == null) {
            // step metrics appear only when the step ends; until then the recorded progress tells
            done = progress.find(execution.getExecutionId()).map(JobProgress::done).orElse(readBefore);
            readThisRun = Math.max(0, done - readBefore);
        }
        report.add("counts", Json.createObjectBuilder().add("read", read).add("written", counts.written())
                .add("skipped", counts.skipped()).add("changed", counts.addedOrChanged()));
        if (execution.getBatchStatus() == jakarta.batch.runtime.BatchStatus.FAILED) {
            counts.failure().ifPresent(reason -> report.add("failure", reason));
        }
        report.add("progress", new Progress(done, total, readThisRun, elapsed(execution)).toJson());
        report.add("skippedLines", skippedLines(instance.getInstanceId()));
    }

    private JsonArrayBuilder skippedLines(long instanceId) {
        JsonArrayBuilder lines = Json.createArrayBuilder();
        store.skips(instanceId, SKIPS_SHOWN)
                .forEach(s -> lines.add(Json.createObjectBuilder().add("line", s.lineNumber()).add("reason", s.reason())));
        return lines;
    }

    private static Duration elapsed(JobExecution execution) {
        Date start = execution.getStartTime();
        if (start == null) {
            return Duration.ZERO;
        }
        Instant end = execution.getEndTime() != null ? execution.getEndTime().toInstant() : Instant.now();
        return Duration.between(start.toInstant(), end);
    }

    private static long metric(StepExecution step, Metric.MetricType type) {
        for (Metric metric : step.getMetrics()) {
            if (metric.getType() == type) {
                return metric.getValue();
            }
        }
        return 0;
    }
}
