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
import no.krr.person.Actor;
import no.krr.person.AuditTrail;
import no.krr.person.AuditedFields;
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

    /** Whether a finding of this kind is repaired by taking upstream's value. */
    static boolean takesUpstream(DiscrepancyKind kind) {
        return kind == DiscrepancyKind.STATUS_MISMATCH || kind == DiscrepancyKind.SPRAAK_UPSTREAM_NEWER
                || kind == DiscrepancyKind.VARSLINGSSTATUS_MISMATCH;
    }

    /**
     * Applies the upstream side of the repairable findings.
     *
     * @return {@link Action#UPDATED}, or {@link Action#SKIPPED_CHANGED} when the person changed since it was read
     */
    public Action repair(LocalSnapshot local, PersonRecord upstream, List<Finding> findings, Actor actor) {
        Person person = em.find(Person.class, local.personidentifikator(), LockModeType.PESSIMISTIC_WRITE);
        if (person == null || person.version() != local.version()) {
            return Action.SKIPPED_CHANGED;
        }
        AuditedFields before = AuditedFields.of(person);
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
        audit.record(person.id(), before.changesTo(AuditedFields.of(person)),
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), actor);
        return Action.UPDATED;
    }
}
