package no.krr.importing;

import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import no.krr.admin.JobDetails;
import no.krr.admin.Progress;

/**
 * The report of an import: {@code counts} (read, written, skipped, and changed: persons added or
 * actually changed, 0 when the same file is imported again) over all executions of the job
 * instance up to this one, its progress in lines, and the first skipped lines with their reasons.
 */
@ApplicationScoped
public class ImportDetails implements JobDetails {

    public static final String JOB = "import-persons";
    static final int SKIPS_SHOWN = 100;

    @PersistenceContext(unitName = "krr")
    EntityManager em;

    @Override
    public String jobName() {
        return JOB;
    }

    @Override
    public void addTo(JsonObjectBuilder report, JobExecution execution) {
        var operator = BatchRuntime.getJobOperator();
        var instance = operator.getJobInstance(execution.getExecutionId());
        long read = 0, written = 0, skipped = 0, readThisRun = 0, changed = 0;
        for (JobExecution earlier : operator.getJobExecutions(instance)) {
            if (earlier.getExecutionId() > execution.getExecutionId()) {
                continue;
            }
            for (StepExecution step : operator.getStepExecutions(earlier.getExecutionId())) {
                long stepRead = metric(step, Metric.MetricType.READ_COUNT);
                read += stepRead;
                written += metric(step, Metric.MetricType.WRITE_COUNT);
                skipped += metric(step, Metric.MetricType.PROCESS_SKIP_COUNT) + metric(step, Metric.MetricType.READ_SKIP_COUNT);
                if (earlier.getExecutionId() == execution.getExecutionId()) {
                    readThisRun += stepRead;
                    // cumulative over restarts: the step's persistent user data is carried over
                    changed = step.getPersistentUserData() instanceof Long c ? c : 0L;
                }
            }
        }
        long total = Long.parseLong(execution.getJobParameters().getProperty("lines", "0"));
        report.add("counts", Json.createObjectBuilder().add("read", read).add("written", written).add("skipped", skipped)
                .add("changed", changed));
        report.add("progress", new Progress(read, total, readThisRun, elapsed(execution)).toJson());
        report.add("skippedLines", skippedLines(instance.getInstanceId()));
    }

    private JsonArrayBuilder skippedLines(long instanceId) {
        List<ImportSkip> skips = em.createQuery(
                        "select s from ImportSkip s where s.jobInstanceId = :id order by s.lineNumber", ImportSkip.class)
                .setParameter("id", instanceId)
                .setMaxResults(SKIPS_SHOWN)
                .getResultList();
        JsonArrayBuilder lines = Json.createArrayBuilder();
        skips.forEach(s -> lines.add(Json.createObjectBuilder().add("line", s.lineNumber()).add("reason", s.reason())));
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
