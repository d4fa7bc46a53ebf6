package no.krr.admin;

import jakarta.batch.runtime.JobExecution;
import jakarta.json.JsonObjectBuilder;

/** What a job adds to its status report: its counts, its progress and anything of its own. */
public interface JobDetails {

    /** The job's name, as in its job XML. */
    String jobName();

    /** Adds the job's own members ({@code counts}, {@code progress}, …) to the report of one execution. */
    void addTo(JsonObjectBuilder report, JobExecution execution);
}
