package no.krr.reconcile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.krr.person.Actor;
import no.krr.person.PersonRecord;
import no.krr.upstream.UpstreamRegister;

/**
 * The database work of one chunk of a run: its findings, its repairs in RECONCILE mode and its
 * partition's new position, in one local transaction of its own. That transaction commits before
 * the batch runtime's checkpoint (the chunk's JTA transaction holds nothing else), so no
 * transaction spans two resources; a run that dies between the two goes on from the position
 * committed here, so nothing is found or repaired twice.
 */
@ApplicationScoped
public class ReconcileChunk {

    @PersistenceContext(unitName = "krr")
    EntityManager em;

    @Inject
    Repairs repairs;

    @Inject
    Clock clock;

    static final String AKTIV_NOW = "upstream says AKTIV now";

    /**
     * Decides about the chunk's persons against upstream's answer ({@link PersonVerdict}), or
     * records each as an upstream error when the call failed ({@code failure}), and carries the
     * decisions out: the repairs under the row lock, the findings, the partition's position.
     *
     * @return the findings recorded, all committed when this returns
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Discrepancy> commit(long run, int partitionNo, Mode mode, List<LocalSnapshot> locals,
                                    UpstreamRegister.Answer answer, Optional<String> failure, Actor actor) {
        List<Discrepancy> recorded = new ArrayList<>();
        for (LocalSnapshot local : locals) {
            PersonVerdict verdict = PersonVerdict.decide(local, answer, failure, mode);
            List<Finding> repairable = verdict.repairs();
            Action repaired = repairable.isEmpty() ? Action.NONE
                    : repairs.repair(local, verdict.upstream().orElseThrow(), repairable, actor);
            verdict.findings().forEach(planned -> recorded.add(record(run, local, verdict, planned, repaired)));
        }
        recorded.forEach(em::persist);
        RunPartition partition = em.find(RunPartition.class, new RunPartition.Key(run, partitionNo));
        partition.advance(locals.get(locals.size() - 1).personidentifikator().value(), locals.size(),
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
        return recorded;
    }

    /**
     * The row of one planned finding. An upstream error carries no person version: only a finding
     * made against what the run read needs it (a HELD clearing compares it when applied).
     */
    static Discrepancy record(long run, LocalSnapshot local, PersonVerdict verdict, PersonVerdict.Planned planned,
                              Action repaired) {
        if (verdict.upstreamFailed()) {
            return new Discrepancy(run, local.personidentifikator(), planned.finding(), Action.NONE, planned.detail());
        }
        Action action = planned.plan().action(repaired);
        return new Discrepancy(run, local, planned.finding(), action, planned.detail().or(() -> changedSinceRead(action)));
    }

    private static Optional<String> changedSinceRead(Action action) {
        return action == Action.SKIPPED_CHANGED ? Optional.of(Repairs.CHANGED_SINCE_READ) : Optional.empty();
    }

    /**
     * Applies held clearings (the run stayed within its deletion limit) with upstream's record as
     * asked again now, each only if the person is still as the run read it and upstream still says
     * SLETTET or IKKE_REGISTRERT.
     *
     * @return how many were applied
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long clearHeld(List<Long> discrepancyIds, UpstreamRegister.Answer answer, Actor actor) {
        long applied = 0;
        for (long id : discrepancyIds) {
            Discrepancy held = em.find(Discrepancy.class, id);
            Optional<PersonRecord> upstream = Optional.ofNullable(answer.persons().get(held.personidentifikator().value()));
            switch (PersonVerdict.recheck(upstream)) {
                case UNANSWERED -> {
                    // left HELD: the next run asks again
                }
                case AKTIV_AGAIN -> held.settled(Action.NONE, Optional.of(AKTIV_NOW));
                case CLEAR -> {
                    Action action = repairs.clear(held.personidentifikator(), held.personVersion().orElse(-1L),
                            upstream.get(), actor);
                    held.settled(action, changedSinceRead(action));
                    if (action == Action.UPDATED) {
                        applied++;
                    }
                }
            }
        }
        return applied;
    }
}
