package no.krr.reconcile;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.OptionalLong;
import java.util.logging.Logger;
import no.krr.admin.StartedBy;
import no.krr.person.Actor;
import no.krr.upstream.UpstreamException;
import no.krr.upstream.UpstreamRegister;

/**
 * The last step of a RECONCILE run: the clearings its chunks held back, applied all together if
 * they stay within the run's deletion limit ({@link DeletionGuard}), none otherwise; then the run
 * fails with the reason and the way on. A restart goes on with the clearings still held; one that
 * upstream no longer confirms is not applied.
 */
@Dependent
@Named("heldClearings")
public class HeldClearings extends AbstractBatchlet {

    private static final Logger LOG = Logger.getLogger(HeldClearings.class.getName());
    /** One upstream call per page. */
    static final int PAGE = 1000;

    @Inject
    @BatchProperty(name = RunParameters.MODE)
    String mode;

    @Inject
    @BatchProperty(name = RunParameters.MAX_DELETIONS)
    String maxDeletions;

    @Inject
    @BatchProperty(name = RunParameters.ALLOW_DELETIONS)
    String allowDeletions;

    @Inject
    JobContext job;

    @Inject
    ReconcileStore store;

    @Inject
    ReconcileChunk chunk;

    @Inject
    UpstreamRegister register;

    private volatile boolean stopping;

    @Override
    public String process() throws DeletionsHeld, UpstreamException {
        long run = RunIds.of(job);
        if (Mode.valueOf(mode) != Mode.RECONCILE) {
            return BatchStatus.COMPLETED.name();
        }
        long held = store.heldPersons(run);
        if (held == 0) {
            return BatchStatus.COMPLETED.name();
        }
        DeletionGuard guard = new DeletionGuard(Long.parseLong(maxDeletions),
                allowDeletions == null || allowDeletions.isBlank() ? OptionalLong.empty()
                        : OptionalLong.of(Long.parseLong(allowDeletions)));
        if (!guard.allows(held)) {
            String why = guard.refusal(held);
            store.failed(run, why);
            LOG.warning(() -> "Reconciliation run " + run + ": " + why);
            throw new DeletionsHeld(why);
        }
        Actor actor = StartedBy.actorOf(job);
        long applied = 0;
        long after = 0;
        List<Discrepancy> page;
        while (!stopping && !(page = store.held(run, after, PAGE)).isEmpty()) {
            // upstream's record as it is now, not as the chunk saw it: it is what the person becomes
            UpstreamRegister.Answer answer = register.lookup(
                    page.stream().map(Discrepancy::personidentifikator).distinct().toList());
            applied += chunk.clearHeld(page.stream().map(Discrepancy::id).toList(), answer, actor);
            after = page.get(page.size() - 1).id();
        }
        long cleared = applied;
        LOG.info(() -> "Reconciliation run " + run + ": " + cleared + " of " + held + " held clearings applied");
        return (stopping ? BatchStatus.STOPPED : BatchStatus.COMPLETED).name();
    }

    @Override
    public void stop() {
        stopping = true;
    }

    /** The run held more clearings than it may apply: it ends FAILED with the reason. */
    public static class DeletionsHeld extends Exception {
        DeletionsHeld(String why) {
            super(why);
        }
    }
}
