package no.krr.admin;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The one home of job reports: what every job's report holds, where it is, and the answer to a
 * start or restart. Jobs register by being a {@link JobDetails} bean; the resources of the
 * features and {@link JobResource} use this service, never each other.
 */
@ApplicationScoped
public class JobReports {

    @Inject
    @Any
    Instance<JobDetails> details;

    @Inject
    JobActions actions;

    /**
     * The report of docs/api.md §3: id, job, status, times, who started it, the stops and restarts of
     * its job instance, and the job's own counts and progress.
     */
    public jakarta.json.JsonObject report(JobExecution execution) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", execution.getExecutionId())
                .add("job", execution.getJobName())
                .add("status", execution.getBatchStatus().name());
        addTime(json, "startedAt", execution.getStartTime());
        addTime(json, "endedAt", execution.getEndTime());
        StartedBy.of(execution.getJobParameters()).ifPresent(by -> json.add("startedBy", by.format()));
        json.add("history", history(execution));
        detailsOf(execution).ifPresent(detail -> detail.addTo(json, execution));
        return json.build();
    }

    private JsonArrayBuilder history(JobExecution execution) {
        List<Long> executions = operator().getJobExecutions(operator().getJobInstance(execution.getExecutionId()))
                .stream().map(JobExecution::getExecutionId).toList();
        JsonArrayBuilder history = Json.createArrayBuilder();
        for (JobAction action : actions.history(executions)) {
            JsonObjectBuilder item = Json.createObjectBuilder()
                    .add("action", action.action().name())
                    .add("by", action.actor())
                    .add("at", action.actedAt().toInstant().atOffset(ZoneOffset.UTC).toString())
                    .add("execution", action.executionId());
            action.resultExecutionId().ifPresent(next -> item.add("newExecution", next));
            history.add(item);
        }
        return history;
    }

    /** The job's own part of its report and its restarts, by the job's name. */
    public Optional<JobDetails> detailsOf(JobExecution execution) {
        return details.stream().filter(d -> d.jobName().equals(execution.getJobName())).findFirst();
    }

    /**
     * Where an execution's report is, kept relative as docs/api.md §3 writes it (JAX-RS would make a
     * {@code URI} absolute): the job's own resource, or {@code /admin/v1/jobs/}.
     */
    public String locationOf(JobExecution execution) {
        return detailsOf(execution).map(JobDetails::reportPath).orElse(JobDetails.JOBS_PATH) + execution.getExecutionId();
    }

    /** {@code 202 Accepted} for a started or restarted execution: its report, and its {@code Location}. */
    public Response accepted(JobExecution execution) {
        return Response.accepted(report(execution)).header("Location", locationOf(execution)).build();
    }

    private static void addTime(JsonObjectBuilder json, String name, Date time) {
        if (time != null) {
            json.add(name, time.toInstant().atOffset(ZoneOffset.UTC).toString());
        }
    }

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}
