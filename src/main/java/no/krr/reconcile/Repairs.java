package no.krr.reconcile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import no.krr.person.Actor;
import no.krr.person.AuditTrail;
import no.krr.person.AuditedFields;
import no.krr.person.NationalId;
import no.krr.person.Person;
import no.krr.person.PersonRecord;

/**
 * What RECONCILE does about the findings for one person, in the chunk's local transaction. The person is
 * locked and its version compared with the one the run read: if a citizen (or anyone) changed it
 * since, nothing is touched and the findings are reported as skipped. Every field changed is
 * audited like any other change.
 */
@ApplicationScoped
public class Repairs {

    @PersistenceContext(unitName = "krr")
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    static final String CHANGED_SINCE_READ = "the person changed after the run read it";

    /**
     * Applies the upstream side of the repairable findings.
     *
     * @return {@link Action#UPDATED}, or {@link Action#SKIPPED_CHANGED} when the person changed since it was read
     */
    public Action repair(LocalSnapshot local, PersonRecord upstream, List<Finding> findings, Actor actor) {
        return change(local.personidentifikator(), local.version(), person -> applyUpstream(person, upstream, findings), actor);
    }

    /**
     * Takes upstream's record as a whole for a person the run read at {@code versionRead}: a
     * clearing the run held back (upstream says SLETTET or IKKE_REGISTRERT, its record carries no
     * contact data).
     *
     * @return {@link Action#UPDATED}, or {@link Action#SKIPPED_CHANGED} when the person changed since the run read it
     */
    public Action clear(NationalId pid, long versionRead, PersonRecord upstream, Actor actor) {
        return change(pid, versionRead, upstream::applyTo, actor);
    }

    private Action change(NationalId pid, long versionRead, Consumer<Person> change, Actor actor) {
        Person person = em.find(Person.class, pid.value(), LockModeType.PESSIMISTIC_WRITE);
        if (!stillAsRead(person, versionRead)) {
            return Action.SKIPPED_CHANGED;
        }
        AuditedFields before = AuditedFields.of(person);
        change.accept(person);
        audit.record(person.id(), before.changesTo(AuditedFields.of(person)),
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), actor);
        return Action.UPDATED;
    }

    /** Whether the person, locked now, is the one the run read: a change since (or a deletion) wins over the repair. */
    static boolean stillAsRead(Person person, long versionRead) {
        return person != null && person.version() == versionRead;
    }

    /** Upstream's side of each finding, on the person: its whole record for a status, one field otherwise. */
    static void applyUpstream(Person person, PersonRecord upstream, List<Finding> findings) {
        for (Finding finding : findings) {
            switch (finding.kind()) {
                case STATUS_MISMATCH -> upstream.applyTo(person);
                case SPRAAK_UPSTREAM_NEWER -> {
                    person.spraak(upstream.spraak().orElse(null));
                    person.spraakOppdatert(upstream.spraakOppdatert()
                            .map(t -> t.withOffsetSameInstant(ZoneOffset.UTC)).orElse(null));
                }
                case VARSLINGSSTATUS_MISMATCH -> person.varslingsstatus(upstream.varslingsstatus().orElse(null));
                default -> {
                    // SPRAAK_LOCAL_NEWER keeps ours; UPSTREAM_ERROR has no repair
                }
            }
        }
    }
}
