package no.krr.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import java.lang.reflect.Proxy;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecentExecutionsTest {

    static JobExecution execution(long id, String job, long createdAt) {
        return (JobExecution) Proxy.newProxyInstance(JobExecution.class.getClassLoader(), new Class<?>[]{JobExecution.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getExecutionId" -> id;
                    case "getJobName" -> job;
                    case "getCreateTime" -> new Date(createdAt);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    static JobInstance instance(long id) {
        return (JobInstance) Proxy.newProxyInstance(JobInstance.class.getClassLoader(), new Class<?>[]{JobInstance.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getInstanceId" -> id;
                    case "hashCode" -> Long.hashCode(id);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A job operator that knows these instances (by job) and executions (by instance). */
    static JobOperator operator(Map<String, List<JobInstance>> instances, Map<JobInstance, List<JobExecution>> executions) {
        return (JobOperator) Proxy.newProxyInstance(JobOperator.class.getClassLoader(), new Class<?>[]{JobOperator.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getJobInstances" -> {
                        List<JobInstance> known = instances.get((String) args[0]);
                        if (known == null) {
                            throw new NoSuchJobException((String) args[0]);
                        }
                        yield known.subList(0, Math.min((Integer) args[2], known.size()));
                    }
                    case "getJobExecutions" -> executions.get((JobInstance) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void theLatestOfAllJobsNewestFirstRestartsIncluded() {
        JobInstance importOne = instance(1);
        JobInstance reconcileOne = instance(2);
        JobInstance reconcileTwo = instance(3);
        JobOperator operator = operator(
                Map.of("import-persons", List.of(importOne), "reconcile-persons", List.of(reconcileTwo, reconcileOne)),
                Map.of(importOne, List.of(execution(1, "import-persons", 100)),
                        reconcileOne, List.of(execution(2, "reconcile-persons", 200), execution(4, "reconcile-persons", 400)),
                        reconcileTwo, List.of(execution(3, "reconcile-persons", 300))));

        List<Long> ids = RecentExecutions.of(operator, List.of("import-persons", "reconcile-persons"), 3).stream()
                .map(JobExecution::getExecutionId).toList();

        assertEquals(List.of(4L, 3L, 2L), ids);
    }

    @Test
    void aJobThatNeverRanHasNone() {
        JobOperator operator = operator(Map.of(), Map.of());
        assertEquals(List.of(), RecentExecutions.of(operator, List.of("import-persons"), 20));
    }
}
