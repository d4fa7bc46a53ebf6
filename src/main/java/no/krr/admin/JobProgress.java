package no.krr.admin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The progress a running job execution last recorded (after its last committed chunk). */
@Entity
@Table(name = "job_progress")
public class JobProgress {

    @Id
    @Column(name = "execution_id")
    private long executionId;

    @Column(name = "done", nullable = false)
    private long done;

    @Column(name = "total", nullable = false)
    private long total;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected JobProgress() {
    }

    JobProgress(long executionId) {
        this.executionId = executionId;
    }

    void update(long done, long total, OffsetDateTime at) {
        this.done = done;
        this.total = total;
        this.updatedAt = at;
    }

    public long done() {
        return done;
    }

    public long total() {
        return total;
    }
}
