package no.krr.importing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * How far an import has committed, and what its committed chunks did (table {@code import_position}).
 * Written in the same local transaction as the chunk's persons, so it is always true of them.
 */
@Entity
@Table(name = "import_position")
public class ImportPosition {

    @Id
    @Column(name = "job_instance_id")
    private long jobInstanceId;

    @Column(name = "line_number", nullable = false)
    private long lineNumber;

    @Column(name = "lines_read", nullable = false)
    private long linesRead;

    @Column(name = "written", nullable = false)
    private long written;

    @Column(name = "added", nullable = false)
    private long added;

    @Column(name = "changed", nullable = false)
    private long changed;

    @Column(name = "failure", length = 500)
    private String failure;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected ImportPosition() {
    }

    ImportPosition(long jobInstanceId, OffsetDateTime at) {
        this.jobInstanceId = jobInstanceId;
        this.updatedAt = at;
    }

    void advance(NdjsonLineReader.Position to, long written, long added, long changed, OffsetDateTime at) {
        this.lineNumber = to.lineNumber();
        this.linesRead = to.linesRead();
        this.written += written;
        this.added += added;
        this.changed += changed;
        this.failure = null;
        this.updatedAt = at;
    }

    void failed(String reason, OffsetDateTime at) {
        this.failure = reason;
        this.updatedAt = at;
    }

    java.util.Optional<String> failure() {
        return java.util.Optional.ofNullable(failure);
    }

    NdjsonLineReader.Position position() {
        return new NdjsonLineReader.Position(lineNumber, linesRead);
    }

    long written() {
        return written;
    }

    /** Persons added or actually changed. */
    long addedOrChanged() {
        return added + changed;
    }
}
