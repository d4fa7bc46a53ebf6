package no.krr.reconcile;

import jakarta.batch.runtime.BatchStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;

/** One reconciliation run: its mode, how many persons it set out to check, when, and parameters. */
@Entity
@Table(name = "reconciliation_run")
public class ReconciliationRun {

    @Id
    @Column(name = "run_id")
    private long runId;

    @Enumerated(EnumType.STRING)
    @Column(name = "mode", nullable = false, length = 10)
    private Mode mode;

    @Column(name = "total", nullable = false)
    private long total;

    @Column(name = "parameters", nullable = false, length = 2000)
    private String parameters;

    @Column(name = "started_at", nullable = false)
    private OffsetDateTime startedAt;

    @Column(name = "checked_at_resume", nullable = false)
    private long checkedAtResume;

    @Column(name = "resumed_at", nullable = false)
    private OffsetDateTime resumedAt;

    @Column(name = "ended_at")
    private OffsetDateTime endedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "end_status", length = 20)
    private BatchStatus endStatus;

    @Column(name = "failure", length = 400)
    private String failure;

    protected ReconciliationRun() {
    }

    ReconciliationRun(long runId, Mode mode, long total, String parameters, OffsetDateTime startedAt) {
        this.runId = runId;
        this.mode = mode;
        this.total = total;
        this.parameters = parameters;
        this.startedAt = startedAt;
        this.resumedAt = startedAt;
    }

    void ended(OffsetDateTime at, BatchStatus status) {
        this.endedAt = at;
        this.endStatus = status;
    }

    void failed(String why) {
        this.failure = why.length() > 400 ? why.substring(0, 400) : why;
    }

    void resumed(long checkedSoFar, OffsetDateTime at) {
        this.checkedAtResume = checkedSoFar;
        this.resumedAt = at;
        this.endedAt = null;
        this.endStatus = null;
        this.failure = null;
    }

    public long runId() { return runId; }
    public Mode mode() { return mode; }
    public long total() { return total; }
    public String parameters() { return parameters; }
    public OffsetDateTime startedAt() { return startedAt; }
    public long checkedAtResume() { return checkedAtResume; }
    public OffsetDateTime resumedAt() { return resumedAt; }
    public Optional<OffsetDateTime> endedAt() { return Optional.ofNullable(endedAt); }
    public Optional<BatchStatus> endStatus() { return Optional.ofNullable(endStatus); }
    public Optional<String> failure() { return Optional.ofNullable(failure); }
}
