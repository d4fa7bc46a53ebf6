package no.krr.reconcile;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import no.krr.person.Spraak;
import no.krr.person.Status;
import no.krr.person.Varslingsstatus;

/**
 * Reads the stored persons of one partition in national-id order, a page (one chunk) at a time,
 * with a key-set query: memory stays flat whatever the number of persons. It starts after the
 * partition's recorded position, which the writer moves in the same transaction as its work, so a
 * stopped, failed or killed run goes on exactly where its last chunk committed.
 */
@Dependent
@Named("localPersonReader")
public class LocalPersonReader extends AbstractItemReader {

    @Inject
    @BatchProperty(name = "runId")
    String runId;

    @Inject
    @BatchProperty(name = "partitionNo")
    String partitionNo;

    @Inject
    @BatchProperty(name = "batchSize")
    String batchSize;

    @Inject
    ReconcileStore store;

    @PersistenceContext(unitName = "krr")
    EntityManager em;

    private final Deque<LocalSnapshot> page = new ArrayDeque<>();
    private String last;
    private String upper;
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        RunPartition partition = store.partition(Long.parseLong(runId), Integer.parseInt(partitionNo));
        last = partition.lastPid();
        upper = partition.upperInclusive();
    }

    @Override
    public LocalSnapshot readItem() {
        if (page.isEmpty() && !exhausted) {
            fetch();
        }
        LocalSnapshot next = page.poll();
        if (next != null) {
            last = next.personidentifikator();
        }
        return next;
    }

    private void fetch() {
        int size = Integer.parseInt(batchSize);
        List<Object[]> rows = em.createQuery("select p.personidentifikator, p.version, p.status, p.spraak, "
                        + "p.spraakOppdatert, p.varslingsstatus from Person p "
                        + "where p.personidentifikator > :last and p.personidentifikator <= :upper "
                        + "order by p.personidentifikator", Object[].class)
                .setParameter("last", last)
                .setParameter("upper", upper)
                .setMaxResults(size)
                .getResultList();
        for (Object[] row : rows) {
            page.add(new LocalSnapshot((String) row[0], ((Number) row[1]).longValue(), (Status) row[2],
                    Optional.ofNullable((Spraak) row[3]), Optional.ofNullable((OffsetDateTime) row[4]),
                    Optional.ofNullable((Varslingsstatus) row[5])));
        }
        exhausted = rows.size() < size;
    }

    @Override
    public Serializable checkpointInfo() {
        return last;
    }
}
