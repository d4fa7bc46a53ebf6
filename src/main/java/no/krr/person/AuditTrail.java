package no.krr.person;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;

/** The audit trail of person changes. Writes join the caller's transaction: no change without its row. */
@ApplicationScoped
public class AuditTrail {

    @PersistenceContext(unitName = "krr")
    EntityManager em;

    public void record(AuditEntry entry) {
        em.persist(entry);
    }

    /** One row per changed field, in the caller's transaction. */
    public void record(NationalId person, List<AuditedFields.Change> changes, OffsetDateTime at, Actor actor) {
        changes.forEach(c -> em.persist(new AuditEntry(person, c.field(), c.before(), c.after(), at, actor)));
    }

    /** A person's trail, newest first. */
    public List<AuditEntry> of(NationalId person, int limit) {
        return em.createQuery("select a from AuditEntry a where a.personidentifikator = :pid "
                        + "order by a.changedAt desc, a.id desc", AuditEntry.class)
                .setParameter("pid", person.value())
                .setMaxResults(limit)
                .getResultList();
    }
}
