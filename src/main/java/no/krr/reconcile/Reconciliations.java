package no.krr.reconcile;

import jakarta.batch.operations.JobExecutionAlreadyCompleteException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Logger;
import no.krr.admin.StartedBy;

/**
 * Starts and restarts runs of {@code reconcile-persons}, one at a time across the cluster.
 *
 * <p>A restart of a STOPPED or FAILED execution is a Jakarta Batch restart. An execution that the
 * batch runtime still calls STARTED while its run shows no sign of life (its server was killed)
 * cannot be restarted that way; it goes on in a new job instance that carries the run's id, and
 * the run's own partition positions take it on from what it committed.
 */
@ApplicationScoped
public class Reconciliations {

    public static final String JOB = "reconcile-persons";
    private static final Logger LOG = Logger.getLogger(Reconciliations.class.getName());
    private static final Set<BatchStatus> RUNNING = Set.of(BatchStatus.STARTING, BatchStatus.STARTED, BatchStatus.STOPPING);

    /** Another run holds the lock. */
    public static class AlreadyRunning extends Exception {
        public AlreadyRunning(Optional<Long> run) {
            super("a reconciliation is already running" + run.map(r -> " (run " + r + ")").orElse(""), null, false, false);
        }
    }

    @Inject
    ReconcileStore store;

    @Inject
    RunLock lock;

    @Inject
    ReconcileSettings settings;

    /**
     * Starts a run; {@code startedBy} becomes its job parameter of that name.
     *
     * @param allowDeletions the operator's deletion limit for this run, in place of krr.reconcile.max-deletions
     */
    public long start(Mode mode, OptionalLong allowDeletions, String trigger, StartedBy startedBy) throws AlreadyRunning {
        String token = lock.acquire(holder(), settings.lockStaleAfter())
                .orElseThrow(() -> new AlreadyRunning(lock.heldBy()));
        Properties parameters = startParameters(mode, allowDeletions, trigger, startedBy, token, settings);
        try {
            long id = operator().start(JOB, parameters);
            LOG.info(() -> "Reconciliation (" + mode + ", " + trigger + ") started as execution " + id);
            return id;
        } catch (RuntimeException e) {
            lock.release(token);
            throw e;
        }
    }

    /**
     * Restarts a run whose execution the batch runtime no longer knows (its repository did not
     * survive a crash): our own tables know the run, and it goes on in a new job instance.
     *
     * @param by who restarts it: its {@code startedBy} (the original execution's parameters are lost)
     * @return the new execution's id, or empty when no run of ours had that execution
     */
    public Optional<Long> restartOrphan(long executionId, StartedBy by) throws AlreadyRunning {
        Optional<Long> runId = store.runOfExecution(executionId);
        if (runId.isEmpty()) {
            return Optional.empty();
        }
        ReconciliationRun run = store.run(runId.get()).orElseThrow();
        if (completed(run)) {
            throw new JobExecutionAlreadyCompleteException("execution " + executionId + " completed");
        }
        String token = lock.acquire(holder(), settings.lockStaleAfter())
                .orElseThrow(() -> new AlreadyRunning(lock.heldBy()));
        Properties parameters = orphanParameters(run, by, token, settings);
        try {
            long id = operator().start(JOB, parameters);
            LOG.info(() -> "Reconciliation run " + run.runId() + " goes on in execution " + id + " (restart of " + executionId + ")");
            return Optional.of(id);
        } catch (RuntimeException e) {
            lock.release(token);
            throw e;
        }
    }

    /** @return the id of the execution that goes on with the run */
    public long restart(long executionId) throws AlreadyRunning {
        JobOperator operator = operator();
        JobExecution execution = operator.getJobExecution(executionId);
        Properties original = operator.getParameters(executionId);
        long runId = RunIds.of(operator.getJobInstance(executionId).getInstanceId(), original);
        if (execution.getBatchStatus() == BatchStatus.COMPLETED) {
            throw new JobExecutionAlreadyCompleteException("execution " + executionId + " completed");
        }
        // a run that still runs somewhere holds the lock and keeps it alive: no second start
        String token = lock.acquire(holder(), settings.lockStaleAfter())
                .orElseThrow(() -> new AlreadyRunning(lock.heldBy()));
        Properties parameters = new Properties();
        parameters.putAll(original);
        parameters.setProperty(RunParameters.LOCK_TOKEN, token);
        try {
            if (RUNNING.contains(execution.getBatchStatus())) {
                parameters.setProperty(RunParameters.RUN_ID, Long.toString(runId));
                long id = operator.start(JOB, parameters);
                LOG.info(() -> "Reconciliation run " + runId + " had no sign of life; it goes on in execution " + id);
                return id;
            }
            return operator.restart(executionId, parameters);
        } catch (RuntimeException e) {
            lock.release(token);
            throw e;
        }
    }

    /** A run that ran to its end is not restarted: it is done, a new start is a new run. */
    static boolean completed(ReconciliationRun run) {
        return run.endStatus().filter(s -> s == BatchStatus.COMPLETED).isPresent();
    }

    /** The job parameters of a new run. */
    static Properties startParameters(Mode mode, OptionalLong allowDeletions, String trigger, StartedBy startedBy,
                                      String token, ReconcileSettings settings) {
        Properties parameters = startedBy.addTo(parameters(mode, token, settings));
        parameters.setProperty(RunParameters.TRIGGER, trigger);
        allowDeletions.ifPresent(n -> parameters.setProperty(RunParameters.ALLOW_DELETIONS, Long.toString(n)));
        return parameters;
    }

    /**
     * The job parameters of an orphan run going on in a new job instance: the original ones are
     * lost with the runtime's repository, so the run's mode and today's settings, and the run's id.
     */
    static Properties orphanParameters(ReconciliationRun run, StartedBy by, String token, ReconcileSettings settings) {
        Properties parameters = by.addTo(parameters(run.mode(), token, settings));
        parameters.setProperty(RunParameters.RUN_ID, Long.toString(run.runId()));
        parameters.setProperty(RunParameters.TRIGGER, "restart");
        return parameters;
    }

    /** What every start carries: the mode, the settings as they are now, and the lock's token. */
    private static Properties parameters(Mode mode, String token, ReconcileSettings settings) {
        Properties parameters = new Properties();
        parameters.setProperty(RunParameters.MODE, mode.name());
        parameters.setProperty(RunParameters.PARTITIONS, Integer.toString(settings.partitions()));
        parameters.setProperty(RunParameters.BATCH_SIZE, Integer.toString(settings.batchSize()));
        parameters.setProperty(RunParameters.ERROR_BUDGET, Long.toString(settings.errorBudget()));
        parameters.setProperty(RunParameters.MAX_DELETIONS, Long.toString(settings.maxDeletions()));
        parameters.setProperty(RunParameters.LOCK_TOKEN, token);
        return parameters;
    }

    private static String holder() {
        return ManagementFactory.getRuntimeMXBean().getName();
    }

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}
