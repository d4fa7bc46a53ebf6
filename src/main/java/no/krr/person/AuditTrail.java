package no.krr.person;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;

/** The audit trail of person changes. Writes join the caller's transaction: no change without its row. */
@ApplicationScoped
public class AuditTrail {

    @PersistenceContext(unitName = "krr")
    EntityManager em;

    /** One row, in the caller's transaction (written at once, as {@link #recordAll} writes). */
    public void record(AuditEntry entry) {
        recordAll(List.of(entry));
    }

    /** One row per changed field, in the caller's transaction. */
    public void record(NationalId person, List<AuditedFields.Change> changes, OffsetDateTime at, Actor actor) {
        recordAll(changes.stream().map(c -> entry(person, c, at, actor)).toList());
    }

    public static AuditEntry entry(NationalId person, AuditedFields.Change change, OffsetDateTime at, Actor actor) {
        return new AuditEntry(person, change.field(), change.before(), change.after(), at, actor);
    }

    /**
     * Rows as one JDBC batch on the connection of the caller's transaction, the ids from the column's
     * default (the sequence). Every audit row is written so, never by {@code persist}: an import
     * writes a row per field of every person it adds, thousands per chunk, and through EclipseLink's
     * unit of work (an entity, a clone and a change set each) those rows cost more than the import's
     * own work (bench/README.md, 2026-12-03); and a PATCH's one row took EclipseLink's sequencing
     * lock, which the request threads then waited for: a quarter of a PATCH's CPU on PostgreSQL
     * (bench/RESULTS.md, 2026-12-04). The row is in the transaction at once, before the changed
     * person's own UPDATE at the commit: both commit or neither.
     */
    public void recordAll(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Connection connection = em.unwrap(Connection.class);
        try (PreparedStatement insert = connection.prepareStatement(AuditEntry.INSERT)) {
            for (AuditEntry entry : entries) {
                entry.bind(insert);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new PersistenceException("audit rows not written: " + e.getMessage(), e);
        }
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
