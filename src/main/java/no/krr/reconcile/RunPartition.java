package no.krr.reconcile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;

/**
 * One partition of a run: the range of national ids it covers, (lower, upper], and how far it has
 * come. Written in the same transaction as the chunk it describes, so it is the run's checkpoint.
 */
@Entity
@Table(name = "reconciliation_partition")
@IdClass(RunPartition.Key.class)
public class RunPartition {

    public record Key(long runId, int partitionNo) implements Serializable {
        public Key() {
            this(0, 0);
        }
    }

    @Id
    @Column(name = "run_id")
    private long runId;

    @Id
    @Column(name = "partition_no")
    private int partitionNo;

    @Column(name = "lower_exclusive", nullable = false, length = 11)
    private String lowerExclusive;

    @Column(name = "upper_inclusive", nullable = false, length = 11)
    private String upperInclusive;

    @Column(name = "last_pid", nullable = false, length = 11)
    private String lastPid;

    @Column(name = "checked", nullable = false)
    private long checked;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected RunPartition() {
    }

    RunPartition(long runId, int partitionNo, String lowerExclusive, String upperInclusive, OffsetDateTime at) {
        this.runId = runId;
        this.partitionNo = partitionNo;
        this.lowerExclusive = lowerExclusive;
        this.upperInclusive = upperInclusive;
        this.lastPid = lowerExclusive;
        this.updatedAt = at;
    }

    void advance(String lastPid, long checkedNow, OffsetDateTime at) {
        this.lastPid = lastPid;
        this.checked += checkedNow;
        this.updatedAt = at;
    }

    public int partitionNo() { return partitionNo; }
    public String lowerExclusive() { return lowerExclusive; }
    public String upperInclusive() { return upperInclusive; }
    public String lastPid() { return lastPid; }
    public long checked() { return checked; }
}
