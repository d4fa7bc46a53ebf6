package no.krr.importing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A line an import skipped, and why: the import's report. */
@Entity
@Table(name = "import_skip")
@IdClass(ImportSkip.Key.class)
public class ImportSkip {

    public record Key(long jobInstanceId, long lineNumber) implements Serializable {
        public Key() {
            this(0, 0);
        }
    }

    @Id
    @Column(name = "job_instance_id")
    private long jobInstanceId;

    @Id
    @Column(name = "line_number")
    private long lineNumber;

    @Column(name = "reason", nullable = false, length = 500)
    private String reason;

    protected ImportSkip() {
    }

    public ImportSkip(long jobInstanceId, long lineNumber, String reason) {
        this.jobInstanceId = jobInstanceId;
        this.lineNumber = lineNumber;
        this.reason = reason.length() > 500 ? reason.substring(0, 500) : reason;
    }

    public long lineNumber() {
        return lineNumber;
    }

    public String reason() {
        return reason;
    }
}
