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
import no.krr.person.Status;
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

    /**
     * Classifies and records the chunk's persons against upstream's answer, or records each as an
     * upstream error when the call failed ({@code failure}).
     *
     * @return the findings recorded, all committed when this returns
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Discrepancy> commit(long run, int partitionNo, Mode mode, List<LocalSnapshot> locals,
                                    UpstreamRegister.Answer answer, Optional<String> failure, Actor actor) {
        List<Discrepancy> recorded = new ArrayList<>();
        for (LocalSnapshot local : locals) {
            String pid = local.personidentifikator();
            PersonRecord upstream = answer.persons().get(pid);
            Optional<String> error = failure
                    .or(() -> Optional.ofNullable(answer.invalid().get(pid)))
                    .or(() -> upstream == null ? Optional.of("missing from the upstream answer") : Optional.empty());
            if (error.isPresent()) {
                recorded.add(new Discrepancy(run, pid,
                        new Finding(DiscrepancyKind.UPSTREAM_ERROR, Optional.empty(), Optional.empty()), Action.NONE, error));
                continue;
            }
            List<Finding> findings = Classifier.classify(local, upstream);
            if (findings.isEmpty()) {
                continue;
            }
            if (mode == Mode.RECONCILE && DeletionGuard.clears(findings, upstream)) {
                // cleared only at the end of the run, if the run's clearings stay within the limit
                findings.forEach(f -> recorded.add(new Discrepancy(run, local, f, Action.HELD, Optional.empty())));
                continue;
            }
            List<Finding> repairable = findings.stream().filter(f -> Repairs.takesUpstream(f.kind())).toList();
            Action repaired = mode == Mode.RECONCILE && !repairable.isEmpty()
                    ? repairs.repair(local, upstream, repairable, actor) : Action.NONE;
            for (Finding finding : findings) {
                Action action = mode == Mode.VERIFY ? Action.NONE
                        : finding.kind() == DiscrepancyKind.SPRAAK_LOCAL_NEWER ? Action.KEPT_LOCAL
                        : repaired;
                recorded.add(new Discrepancy(run, local, finding, action, action == Action.SKIPPED_CHANGED
                        ? Optional.of(Repairs.CHANGED_SINCE_READ) : Optional.empty()));
            }
        }
        recorded.forEach(em::persist);
        RunPartition partition = em.find(RunPartition.class, new RunPartition.Key(run, partitionNo));
        partition.advance(locals.get(locals.size() - 1).personidentifikator(), locals.size(),
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
        return recorded;
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
            PersonRecord upstream = answer.persons().get(held.personidentifikator());
            if (upstream == null) {
                continue; // left HELD: the next run asks again
            }
            if (upstream.status() == Status.AKTIV) {
                held.settled(Action.NONE, Optional.of("upstream says AKTIV now"));
                continue;
            }
            Action action = repairs.clear(held.personidentifikator(), held.personVersion().orElse(-1L), upstream, actor);
            held.settled(action, action == Action.SKIPPED_CHANGED ? Optional.of(Repairs.CHANGED_SINCE_READ) : Optional.empty());
            if (action == Action.UPDATED) {
                applied++;
            }
        }
        return applied;
    }
}
