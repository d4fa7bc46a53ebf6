package no.krr.reconcile;

import java.util.List;
import java.util.Optional;
import no.krr.person.PersonRecord;
import no.krr.person.Status;
import no.krr.upstream.UpstreamRegister;

/**
 * What a run decides about one person: the findings against upstream's answer, each with what the
 * run is to do about it. Pure: {@link ReconcileChunk} only carries it out, and only a
 * {@link Plan#REPAIR} needs the database to know its outcome ({@link Repairs} applies it under
 * the person's row lock, which says whether it was UPDATED or SKIPPED_CHANGED).
 *
 * <p>Rules:
 * <ul>
 * <li>No record for the person (the call failed, upstream's item for it was invalid, or the answer
 * left it out): one UPSTREAM_ERROR with the reason and nothing done; the next run asks again.</li>
 * <li>VERIFY reports every finding with action NONE.</li>
 * <li>RECONCILE holds back a clearing (upstream's status differs and is not AKTIV: the contact data
 * would go) to the end of the run ({@link DeletionGuard}), keeps our language when ours is newer,
 * and takes upstream's side for every other finding.</li>
 * </ul>
 *
 * @param upstream upstream's record, present when the person was answered
 * @param findings the findings in the {@link Classifier}'s order, each with its plan
 */
public record PersonVerdict(Optional<PersonRecord> upstream, List<Planned> findings) {

    static final String MISSING = "missing from the upstream answer";

    /** What the run is to do about a finding. */
    public enum Plan {
        /** Reported only. */
        NONE,
        /** Ours stays (SPRAAK_LOCAL_NEWER in RECONCILE). */
        KEPT_LOCAL,
        /** A clearing, decided at the end of the run. */
        HELD,
        /** Take upstream's value: UPDATED, or SKIPPED_CHANGED when the person changed since the run read it. */
        REPAIR;

        /** The action recorded, given what the person's repair came to ({@code repaired}, for REPAIR only). */
        Action action(Action repaired) {
            return switch (this) {
                case NONE -> Action.NONE;
                case KEPT_LOCAL -> Action.KEPT_LOCAL;
                case HELD -> Action.HELD;
                case REPAIR -> repaired;
            };
        }
    }

    /** A finding and its plan; {@code detail} is the reason of an upstream error. */
    public record Planned(Finding finding, Plan plan, Optional<String> detail) {
    }

    public PersonVerdict {
        findings = List.copyOf(findings);
    }

    /**
     * Decides about one person of a chunk.
     *
     * @param failure why the chunk's upstream call failed after its retries, if it did ({@code answer} is then empty)
     */
    public static PersonVerdict decide(LocalSnapshot local, UpstreamRegister.Answer answer, Optional<String> failure,
                                       Mode mode) {
        String pid = local.personidentifikator().value();
        Optional<PersonRecord> upstream = Optional.ofNullable(answer.persons().get(pid));
        Optional<String> error = failure
                .or(() -> Optional.ofNullable(answer.invalid().get(pid)))
                .or(() -> upstream.isEmpty() ? Optional.of(MISSING) : Optional.empty());
        if (error.isPresent()) {
            return new PersonVerdict(Optional.empty(), List.of(new Planned(
                    new Finding(DiscrepancyKind.UPSTREAM_ERROR, Optional.empty(), Optional.empty()), Plan.NONE, error)));
        }
        List<Finding> found = Classifier.classify(local, upstream.get());
        boolean held = mode == Mode.RECONCILE && clears(found, upstream.get());
        return new PersonVerdict(upstream, found.stream()
                .map(f -> new Planned(f, held ? Plan.HELD : plan(f.kind(), mode), Optional.empty()))
                .toList());
    }

    /** Whether upstream failed for the person: its one finding is an UPSTREAM_ERROR. */
    public boolean upstreamFailed() {
        return upstream.isEmpty();
    }

    /** The findings whose repair takes upstream's value: for {@link Repairs}, all at once. */
    public List<Finding> repairs() {
        return findings.stream().filter(p -> p.plan() == Plan.REPAIR).map(Planned::finding).toList();
    }

    private static Plan plan(DiscrepancyKind kind, Mode mode) {
        if (mode == Mode.VERIFY) {
            return Plan.NONE;
        }
        return switch (kind) {
            case SPRAAK_LOCAL_NEWER -> Plan.KEPT_LOCAL;
            case STATUS_MISMATCH, SPRAAK_UPSTREAM_NEWER, VARSLINGSSTATUS_MISMATCH -> Plan.REPAIR;
            case UPSTREAM_ERROR -> Plan.NONE;
        };
    }

    /** What becomes of a held clearing at the end of the run, once upstream was asked again. */
    public enum Recheck {
        /** Upstream left the person out of its answer: it stays HELD, the next run asks again. */
        UNANSWERED,
        /** Upstream says AKTIV now: nothing is cleared (action NONE). */
        AKTIV_AGAIN,
        /** Upstream still says SLETTET or IKKE_REGISTRERT: cleared, if the person is still as the run read it. */
        CLEAR
    }

    /** Decides about a held clearing with upstream's record as asked again ({@code upstreamNow}). */
    public static Recheck recheck(Optional<PersonRecord> upstreamNow) {
        if (upstreamNow.isEmpty()) {
            return Recheck.UNANSWERED;
        }
        return upstreamNow.get().status() == Status.AKTIV ? Recheck.AKTIV_AGAIN : Recheck.CLEAR;
    }

    /** Whether repairing these findings would clear the person: upstream's status differs and is not AKTIV. */
    static boolean clears(List<Finding> findings, PersonRecord upstream) {
        return upstream.status() != Status.AKTIV
                && findings.stream().anyMatch(f -> f.kind() == DiscrepancyKind.STATUS_MISMATCH);
    }
}
