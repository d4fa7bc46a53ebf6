package no.krr.reconcile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * One run at a time across every instance sharing the database: the one-row table
 * {@code reconciliation_lock}, taken in a {@code SELECT ... FOR UPDATE} transaction. A holder whose
 * partitions (or the lock itself) have not been written for {@code krr.reconcile.lock-stale-after}
 * is taken to be dead. Every method runs in a local transaction of its own and never joins a
 * chunk's or a listener's: the batch runtime's JTA transaction must not hold our datasource
 * (docs/design.md, "No two-phase commit").
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class RunLock {

    @PersistenceContext(unitName = "krr")
    EntityManager em;

    @Inject
    Clock clock;

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    /**
     * Takes the run lock for a new start, unless a run holds it and still shows signs of life: its
     * partitions (or the lock itself) were written within {@code staleAfter}.
     *
     * @return a token naming this holding, or empty when another run holds the lock
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<String> acquire(String holderName, Duration staleAfter) {
        Object[] row = (Object[]) em.createNativeQuery(
                        "select run_id, holder, heartbeat_at from reconciliation_lock where id = 1 for update")
                .getSingleResult();
        String holder = (String) row[1];
        Long heldBy = row[0] == null ? null : ((Number) row[0]).longValue();
        if (holder != null) {
            OffsetDateTime lastSign = lastSignOfLife(heldBy, toOffset(row[2]));
            if (alive(lastSign, now(), staleAfter)) {
                return Optional.empty();
            }
        }
        String token = holderName + "/" + UUID.randomUUID();
        em.createNativeQuery("update reconciliation_lock set run_id = null, holder = ?, heartbeat_at = ? where id = 1")
                .setParameter(1, token)
                .setParameter(2, now())
                .executeUpdate();
        return Optional.of(token);
    }

    /** Ties the lock to the run once the run's id is known. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void bind(String token, long runId) {
        em.createNativeQuery("update reconciliation_lock set run_id = ?, heartbeat_at = ? where id = 1 and holder = ?")
                .setParameter(1, runId).setParameter(2, now()).setParameter(3, token).executeUpdate();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(String token) {
        em.createNativeQuery("update reconciliation_lock set run_id = null, holder = null, heartbeat_at = null "
                        + "where id = 1 and holder = ?")
                .setParameter(1, token).executeUpdate();
    }

    /** The run holding the lock, if any run does. */
    public Optional<Long> heldBy() {
        Object value = em.createNativeQuery("select run_id from reconciliation_lock where id = 1 and holder is not null")
                .getResultStream().findFirst().orElse(null);
        return Optional.ofNullable(value).map(v -> ((Number) v).longValue());
    }

    /** The later of the lock's heartbeat and the holder run's partitions' last write. */
    private OffsetDateTime lastSignOfLife(Long runId, OffsetDateTime lockBeat) {
        OffsetDateTime last = lockBeat == null ? OffsetDateTime.MIN : lockBeat;
        if (runId != null) {
            OffsetDateTime partitions = em.createQuery(
                            "select max(p.updatedAt) from RunPartition p where p.runId = :run", OffsetDateTime.class)
                    .setParameter("run", runId).getSingleResult();
            if (partitions != null && partitions.isAfter(last)) {
                last = partitions;
            }
        }
        return last;
    }

    /** Whether a holder whose last sign of life was {@code lastSign} still counts as running. */
    static boolean alive(OffsetDateTime lastSign, OffsetDateTime now, Duration staleAfter) {
        return lastSign.isAfter(now.minus(staleAfter));
    }

    /** The lock's heartbeat as the driver gives it: H2 and PostgreSQL's drivers differ. */
    static OffsetDateTime toOffset(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.time.ZonedDateTime z) {
            return z.toOffsetDateTime();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
