package no.krr.admin;

import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.json.JsonObjectBuilder;

/** What a job adds to its status report: its counts, its progress and anything of its own. */
public interface JobDetails {

    /** Where the reports of executions of most jobs are. */
    String JOBS_PATH = "/admin/v1/jobs/";

    /** The job's name, as in its job XML. */
    String jobName();

    /** Where this job's execution reports are, ending in a slash: {@link #JOBS_PATH} unless the job has a resource of its own. */
    default String reportPath() {
        return JOBS_PATH;
    }

    /** Adds the job's own members ({@code counts}, {@code progress}, …) to the report of one execution. */
    void addTo(JsonObjectBuilder report, JobExecution execution);

    /**
     * Restarts a stopped or failed execution from its last checkpoint, with its original parameters
     * (a Jakarta Batch restart gets only the parameters it is given).
     *
     * @return the new execution's id
     */
    default long restart(JobExecution execution) {
        long id = execution.getExecutionId();
        return BatchRuntime.getJobOperator().restart(id, BatchRuntime.getJobOperator().getParameters(id));
    }

    /**
     * Restarts an execution the batch runtime does not know (any more), if the job keeps its own
     * record of it.
     *
     * @param by who restarts it (the new execution's {@code startedBy}: the original is not known)
     * @return the new execution's id, or empty when the job does not know the execution either
     */
    default java.util.Optional<Long> restartUnknown(long executionId, StartedBy by) {
        return java.util.Optional.empty();
    }
}
