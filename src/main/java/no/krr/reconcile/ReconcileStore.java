package no.krr.reconcile;

import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.krr.person.NationalId;
import no.krr.person.Spraak;
import no.krr.person.Status;
import no.krr.person.Varslingsstatus;

/**
 * The tables of the batch verifier: runs, their partitions and their findings (the run lock is
 * {@link RunLock}). Every method runs in a local transaction of its own and never joins a chunk's: the chunk's JTA
 * transaction holds only the batch runtime's checkpoint, so that no transaction spans two
 * resources and none needs two-phase commit (docs/design.md, "No two-phase commit").
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class ReconcileStore {

    @PersistenceContext(unitName = "krr")
    EntityManager em;

    @Inject
    Clock clock;

    /** Above every national id: the upper bound of a run's last partition. */
    static final String LAST = "99999999999";

    OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    // --- runs and partitions ----------------------------------------------------------------------

    public Optional<ReconciliationRun> run(long runId) {
        return Optional.ofNullable(em.find(ReconciliationRun.class, runId));
    }

    public List<RunPartition> partitions(long runId) {
        return em.createQuery("select p from RunPartition p where p.runId = :run order by p.partitionNo", RunPartition.class)
                .setParameter("run", runId).getResultList();
    }

    public RunPartition partition(long runId, int partitionNo) {
        return em.find(RunPartition.class, new RunPartition.Key(runId, partitionNo));
    }

    /**
     * The next page of a partition's persons in national-id order after {@code last}, by key set:
     * memory stays flat whatever the number of persons.
     */
    public List<LocalSnapshot> persons(String last, String upperInclusive, int size) {
        return em.createQuery("select p.personidentifikator, p.version, p.status, p.spraak, "
                        + "p.spraakOppdatert, p.varslingsstatus from Person p "
                        + "where p.personidentifikator > :last and p.personidentifikator <= :upper "
                        + "order by p.personidentifikator", Object[].class)
                .setParameter("last", last)
                .setParameter("upper", upperInclusive)
                .setMaxResults(size)
                .getResultStream()
                .map(row -> new LocalSnapshot(new NationalId((String) row[0]), ((Number) row[1]).longValue(), (Status) row[2],
                        Optional.ofNullable((Spraak) row[3]), Optional.ofNullable((OffsetDateTime) row[4]),
                        Optional.ofNullable((Varslingsstatus) row[5])))
                .toList();
    }

    /** Plans a new run: its row and its partitions over ranges of national ids of about equal size. */
    public List<RunPartition> plan(long runId, Mode mode, String parameters, int partitions) {
        long total = em.createQuery("select count(p) from Person p", Long.class).getSingleResult();
        OffsetDateTime now = now();
        em.persist(new ReconciliationRun(runId, mode, total, parameters, now));
        List<Long> uppers = upperPositions(total, partitions);
        String lower = "";
        for (int i = 0; i < uppers.size(); i++) {
            String upper = i == uppers.size() - 1 ? LAST : boundary(uppers.get(i));
            em.persist(new RunPartition(runId, i, lower, upper, now));
            lower = upper;
        }
        em.flush();
        return partitions(runId);
    }

    /**
     * The positions in national-id order (1-based) of the partitions' upper bounds: at most
     * {@code partitions} ranges of about equal size, at least one even for an empty register (the
     * last range always ends at {@link #LAST}, so persons added during the run are not left out).
     */
    static List<Long> upperPositions(long total, int partitions) {
        int count = (int) Math.max(1, Math.min(partitions, total));
        return java.util.stream.LongStream.rangeClosed(1, count).map(i -> total * i / count).boxed().toList();
    }

    /** The national id at a position in id order: the upper bound of a partition. */
    private String boundary(long position) {
        return em.createQuery("select p.personidentifikator from Person p order by p.personidentifikator", String.class)
                .setFirstResult((int) Math.max(0, position - 1))
                .setMaxResults(1)
                .getResultStream().findFirst().orElse(LAST);
    }

    /** Records that an execution works on a run (see V2 migration: the runtime's repository may not survive). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void executionStarted(long executionId, long runId) {
        em.createNativeQuery("insert into reconciliation_execution (execution_id, run_id, started_at) values (?, ?, ?)")
                .setParameter(1, executionId).setParameter(2, runId).setParameter(3, now()).executeUpdate();
    }

    /** The run an execution worked on, from our own table. */
    public Optional<Long> runOfExecution(long executionId) {
        return em.createNativeQuery("select run_id from reconciliation_execution where execution_id = ?")
                .setParameter(1, executionId).getResultStream().findFirst()
                .map(v -> ((Number) v).longValue());
    }

    /** Marks a run as going on in a new execution (a restart), remembering how far it had come. */
    public void resumed(long runId) {
        run(runId).ifPresent(run -> run.resumed(checked(runId), now()));
    }

    /** In a transaction of its own: the chunk that failed rolls back, the reason stays. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(long runId, String why) {
        run(runId).ifPresent(run -> run.failed(why));
    }

    public void ended(long runId, BatchStatus status) {
        run(runId).ifPresent(run -> run.ended(now(), status));
    }

    public long checked(long runId) {
        Long checked = em.createQuery("select sum(p.checked) from RunPartition p where p.runId = :run", Long.class)
                .setParameter("run", runId).getSingleResult();
        return checked == null ? 0 : checked;
    }

    // --- findings ---------------------------------------------------------------------------------

    /** How many persons have a clearing held back in this run. */
    public long heldPersons(long runId) {
        return em.createQuery("select count(distinct d.personidentifikator) from Discrepancy d "
                        + "where d.runId = :run and d.action = :held", Long.class)
                .setParameter("run", runId).setParameter("held", Action.HELD).getSingleResult();
    }

    /** The next held findings of a run, in id order after {@code afterId}. */
    public List<Discrepancy> held(long runId, long afterId, int limit) {
        return em.createQuery("select d from Discrepancy d where d.runId = :run and d.action = :held and d.id > :after "
                        + "order by d.id", Discrepancy.class)
                .setParameter("run", runId).setParameter("held", Action.HELD).setParameter("after", afterId)
                .setMaxResults(limit).getResultList();
    }

    public long count(long runId, DiscrepancyKind kind) {
        return em.createQuery("select count(d) from Discrepancy d where d.runId = :run and d.kind = :kind", Long.class)
                .setParameter("run", runId).setParameter("kind", kind).getSingleResult();
    }

    /** The counts of a run report (docs/api.md §3), read in one transaction so they agree with each other. */
    public Counts counts(long runId) {
        Map<DiscrepancyKind, Long> byKind = new EnumMap<>(DiscrepancyKind.class);
        for (Object[] row : em.createQuery("select d.kind, count(d) from Discrepancy d where d.runId = :run group by d.kind",
                Object[].class).setParameter("run", runId).getResultList()) {
            byKind.put((DiscrepancyKind) row[0], (Long) row[1]);
        }
        long persons = em.createQuery("select count(distinct d.personidentifikator) from Discrepancy d where d.runId = :run",
                Long.class).setParameter("run", runId).getSingleResult();
        long corrected = em.createQuery("select count(distinct d.personidentifikator) from Discrepancy d "
                        + "where d.runId = :run and d.action = :updated", Long.class)
                .setParameter("run", runId).setParameter("updated", Action.UPDATED).getSingleResult();
        return Counts.of(checked(runId), persons, corrected, heldPersons(runId), byKind);
    }

    public record Counts(long checked, long matched, long discrepancies, long corrected, long upstreamErrors,
                         long held, Map<DiscrepancyKind, Long> byKind) {

        /**
         * The report's counts from what the tables hold: a person checked with no finding matched (never
         * below zero), and
         * every kind is in {@code byKind}, 0 when none was found.
         *
         * @param persons persons with at least one finding
         */
        static Counts of(long checked, long persons, long corrected, long held, Map<DiscrepancyKind, Long> found) {
            Map<DiscrepancyKind, Long> byKind = new EnumMap<>(DiscrepancyKind.class);
            for (DiscrepancyKind kind : DiscrepancyKind.values()) {
                byKind.put(kind, found.getOrDefault(kind, 0L));
            }
            long discrepancies = byKind.values().stream().mapToLong(Long::longValue).sum();
            return new Counts(checked, Math.max(0, checked - persons), discrepancies, corrected,
                    byKind.get(DiscrepancyKind.UPSTREAM_ERROR), held, byKind);
        }
    }

    /** A page of findings in id order, after the given id, optionally of one kind. */
    public List<Discrepancy> page(long runId, Optional<DiscrepancyKind> kind, long afterId, int limit) {
        var query = em.createQuery("select d from Discrepancy d where d.runId = :run and d.id > :after"
                        + (kind.isPresent() ? " and d.kind = :kind" : "") + " order by d.id", Discrepancy.class)
                .setParameter("run", runId)
                .setParameter("after", afterId)
                .setMaxResults(limit);
        kind.ifPresent(k -> query.setParameter("kind", k));
        return query.getResultList();
    }
}
