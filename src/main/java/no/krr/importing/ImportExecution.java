package no.krr.importing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An execution of an import, with what resuming the import needs (table {@code import_execution}). */
@Entity
@Table(name = "import_execution")
public class ImportExecution {

    @Id
    @Column(name = "execution_id")
    private long executionId;

    @Column(name = "import_id", nullable = false)
    private long importId;

    @Column(name = "file", nullable = false, length = 1000)
    private String file;

    @Column(name = "lines", nullable = false)
    private long lines;

    @Column(name = "chunk_size", nullable = false)
    private int chunkSize;

    @Column(name = "started_at", nullable = false)
    private OffsetDateTime startedAt;

    protected ImportExecution() {
    }

    ImportExecution(long executionId, long importId, String file, long lines, int chunkSize, OffsetDateTime startedAt) {
        this.executionId = executionId;
        this.importId = importId;
        this.file = file;
        this.lines = lines;
        this.chunkSize = chunkSize;
        this.startedAt = startedAt;
    }

    public long importId() { return importId; }
    public String file() { return file; }
    public long lines() { return lines; }
    public int chunkSize() { return chunkSize; }
}
