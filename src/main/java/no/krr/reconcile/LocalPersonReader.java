package no.krr.reconcile;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Reads the stored persons of one partition in national-id order, a page (one chunk) at a time.
 * It starts after the partition's recorded position, not after the runtime's checkpoint: the
 * writer moves the position in the same local transaction as its work, which commits before the
 * checkpoint, so a stopped, failed or killed run goes on exactly where its last work committed.
 */
@Dependent
@Named("localPersonReader")
public class LocalPersonReader extends AbstractItemReader {

    @Inject
    @BatchProperty(name = RunParameters.RUN_ID)
    String runId;

    @Inject
    @BatchProperty(name = RunParameters.PARTITION_NO)
    String partitionNo;

    @Inject
    @BatchProperty(name = RunParameters.BATCH_SIZE)
    String batchSize;

    @Inject
    ReconcileStore store;

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
            last = next.personidentifikator().value();
        }
        return next;
    }

    private void fetch() {
        int size = Integer.parseInt(batchSize);
        List<LocalSnapshot> rows = store.persons(last, upper, size);
        page.addAll(rows);
        exhausted = rows.size() < size;
    }

    @Override
    public Serializable checkpointInfo() {
        return last;
    }
}
