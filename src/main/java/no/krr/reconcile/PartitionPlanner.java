package no.krr.reconcile;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Properties;

/**
 * Splits a run into partitions over ranges of national ids of about equal size; a run that goes on
 * after a stop or a crash keeps the partitions it was planned with.
 */
@Dependent
@Named("reconcilePartitions")
public class PartitionPlanner implements PartitionMapper {

    @Inject
    JobContext job;

    @Inject
    @BatchProperty(name = RunParameters.PARTITIONS)
    String partitions;

    @Inject
    @BatchProperty(name = RunParameters.MODE)
    String mode;

    @Inject
    ReconcileStore store;

    @Override
    public PartitionPlan mapPartitions() {
        long runId = RunIds.of(job);
        List<RunPartition> planned = store.partitions(runId);
        if (planned.isEmpty()) {
            planned = store.plan(runId, Mode.valueOf(mode), RunIds.describe(job.getProperties()), Integer.parseInt(partitions));
        }
        PartitionPlanImpl plan = new PartitionPlanImpl();
        plan.setPartitions(planned.size());
        plan.setThreads(planned.size());
        Properties[] properties = new Properties[planned.size()];
        for (int i = 0; i < planned.size(); i++) {
            properties[i] = new Properties();
            properties[i].setProperty(RunParameters.PARTITION_NO, Integer.toString(planned.get(i).partitionNo()));
            properties[i].setProperty(RunParameters.RUN_ID, Long.toString(runId));
        }
        plan.setPartitionProperties(properties);
        return plan;
    }
}
