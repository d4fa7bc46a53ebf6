package no.krr.importing;

import jakarta.batch.operations.JobRestartException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Logger;
import java.time.Instant;
import java.util.Date;
import jakarta.inject.Inject;
import no.krr.admin.JobDetails;
import no.krr.admin.JobProgress;
import no.krr.admin.JobProgressStore;
import no.krr.admin.Progress;
import no.krr.admin.StartedBy;

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
    private static final Logger LOG = Logger.getLogger(ImportDetails.class.getName());
    private static final Set<BatchStatus> RUNNING = EnumSet.of(BatchStatus.STARTING, BatchStatus.STARTED, BatchStatus.STOPPING);
    static final int SKIPS_SHOWN = 100;

    @Inject
    ImportStore store;

    @Inject
    JobProgressStore progress;

    @Inject
    Clock clock;

    @Inject
    ImportFiles files;

    @Override
    public String jobName() {
        return JOB;
    }

    /**
     * A restart needs the file: after {@code krr.import.retention} it is gone, and the restart is
     * refused. An execution the runtime still calls running but that has committed nothing for
     * {@code krr.import.stale-after} died with its server (Jakarta Batch cannot restart it): the
     * import goes on in a new job instance.
     */
    @Override
    public long restart(JobExecution execution) {
        var operator = BatchRuntime.getJobOperator();
        Properties parameters = operator.getParameters(execution.getExecutionId());
        requireFile(parameters.getProperty(ImportParameters.FILE));
        if (RUNNING.contains(execution.getBatchStatus())) {
            long importId = ImportIds.of(operator.getJobInstance(execution.getExecutionId()).getInstanceId(), parameters);
            return resume(importId, parameters);
        }
        return JobDetails.super.restart(execution);
    }

    /** An execution the runtime does not know (its repository died with its server): our own table may. */
    @Override
    public Optional<Long> restartUnknown(long executionId, StartedBy by) {
        return store.execution(executionId).map(known -> {
            requireFile(known.file());
            // the original parameters died with the runtime's repository: the one who restarts it goes on with it
            Properties parameters = by.addTo(ImportParameters.of(known.file(), known.lines(), known.chunkSize()));
            return resume(known.importId(), parameters);
        });
    }

    private long resume(long importId, Properties original) {
        OffsetDateTime lastSign = store.lastSignOfLife(importId);
        if (lastSign.isAfter(OffsetDateTime.now(clock).minus(files.staleAfter()))) {
            throw new JobRestartException("it may still be running on another server (it committed within "
                    + "krr.import.stale-after); try again later");
        }
        Properties parameters = new Properties();
        parameters.putAll(original);
        parameters.setProperty(ImportIds.PARAMETER, Long.toString(importId));
        long id = BatchRuntime.getJobOperator().start(JOB, parameters);
        LOG.info(() -> "Import " + importId + " showed no sign of life; it goes on in execution " + id);
        return id;
    }

    private static void requireFile(String file) {
        if (file != null && !Files.exists(Path.of(file))) {
            throw new JobRestartException("its file was deleted (krr.import.retention after it ended); import the file again");
        }
    }

    @Override
    public void addTo(JsonObjectBuilder report, JobExecution execution) {
        var operator = BatchRuntime.getJobOperator();
        var instance = operator.getJobInstance(execution.getExecutionId());
        long importId = ImportIds.of(instance.getInstanceId(), execution.getJobParameters());
        long readBefore = 0;
        for (JobExecution earlier : operator.getJobExecutions(instance)) {
            if (earlier.getExecutionId() < execution.getExecutionId()) {
                for (StepExecution step : operator.getStepExecutions(earlier.getExecutionId())) {
                    readBefore += metric(step, Metric.MetricType.READ_COUNT);
                }
            }
        }
        ImportStore.Counts counts = store.counts(importId);
        long read = counts.written() + counts.skipped();
        long readThisRun = Math.max(0, read - readBefore);
        long total = ImportParameters.lines(execution.getJobParameters());
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
        report.add("skippedLines", skippedLines(importId));
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
