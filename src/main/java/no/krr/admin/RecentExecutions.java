package no.krr.admin;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The latest executions of some jobs, newest first, restarts included: the last {@code limit}
 * instances of each job (the batch runtime lists them newest first), their executions, sorted by
 * creation. A job that never ran has none.
 */
final class RecentExecutions {

    static final Comparator<JobExecution> NEWEST_FIRST = Comparator
            .comparing((JobExecution e) -> Optional.ofNullable(e.getCreateTime()).orElse(new Date(0)))
            .thenComparingLong(JobExecution::getExecutionId).reversed();

    private RecentExecutions() {
    }

    static List<JobExecution> of(JobOperator operator, List<String> jobNames, int limit) {
        List<JobExecution> executions = new ArrayList<>();
        for (String job : jobNames) {
            List<JobInstance> instances;
            try {
                instances = operator.getJobInstances(job, 0, limit);
            } catch (NoSuchJobException e) {
                continue;
            }
            for (JobInstance instance : instances) {
                executions.addAll(operator.getJobExecutions(instance));
            }
        }
        return executions.stream().sorted(NEWEST_FIRST).limit(limit).toList();
    }
}
