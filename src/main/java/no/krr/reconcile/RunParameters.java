package no.krr.reconcile;

/**
 * The names of the job parameters (and of the partition plan's properties) of
 * {@code reconcile-persons}, in one place for the Java code. The job's XML
 * ({@code batch-jobs/reconcile-persons.xml}) names them again as literals, because its
 * {@code #{jobParameters['…']}} expressions cannot refer to Java constants: a rename here must be
 * made there too. {@code startedBy} is {@link no.krr.admin.StartedBy#PARAMETER}, shared with the import.
 */
final class RunParameters {

    /** VERIFY or RECONCILE ({@link Mode}). */
    static final String MODE = "mode";
    /** The run a resumed execution goes on with (a new job instance after a crash; see {@link RunIds}). */
    static final String RUN_ID = "runId";
    /** The run lock's token of this start ({@link RunLock}); never shown in the run's stored parameters. */
    static final String LOCK_TOKEN = "lockToken";
    static final String PARTITIONS = "partitions";
    static final String BATCH_SIZE = "batchSize";
    static final String ERROR_BUDGET = "errorBudget";
    /** krr.reconcile.max-deletions at the start ({@link DeletionGuard}). */
    static final String MAX_DELETIONS = "maxDeletions";
    /** The operator's deletion limit of this run, in place of {@link #MAX_DELETIONS}. */
    static final String ALLOW_DELETIONS = "allowDeletions";
    /** What started the run: the admin API, the schedule, or a restart. */
    static final String TRIGGER = "trigger";
    /** A partition's number: a property of the partition plan, not a job parameter. */
    static final String PARTITION_NO = "partitionNo";

    private RunParameters() {
    }
}
