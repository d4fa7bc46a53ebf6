package no.krr.importing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import no.krr.web.BoundedBody;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Uploaded import files under {@code krr.data-dir/imports}, at most {@code krr.import.max-bytes}
 * each. A file is deleted when its import completes; a stopped or failed import keeps it for a
 * restart, for {@code krr.import.retention} ({@link ImportFileSweep}).
 */
@ApplicationScoped
public class ImportFiles {

    public record Stored(Path path, long lines) {
    }

    @Inject
    @ConfigProperty(name = "krr.data-dir", defaultValue = "./krr-data")
    String dataDir;

    @Inject
    @ConfigProperty(name = "krr.import.chunk-size", defaultValue = "500")
    int chunkSize;

    @Inject
    @ConfigProperty(name = "krr.import.max-bytes", defaultValue = "2147483648")
    long maxBytes;

    @Inject
    @ConfigProperty(name = "krr.import.stale-after", defaultValue = "PT5M")
    String staleAfter;

    @Inject
    @ConfigProperty(name = "krr.import.retention", defaultValue = "P7D")
    String retention;

    static final String SUFFIX = ".ndjson";

    /** Streams the body to a new file, counting the lines with content (the import's total). */
    public Stored store(InputStream body) throws IOException, BoundedBody.TooLarge {
        return store(body, maxBytes());
    }

    /**
     * Streams the body to a new file, counting its bytes and the lines with content; past
     * {@code maxBytes} it stops and deletes the file, so an oversized upload leaves nothing behind.
     */
    public Stored store(InputStream body, long maxBytes) throws IOException, BoundedBody.TooLarge {
        Path dir = directory();
        Files.createDirectories(dir);
        Path file = dir.resolve(UUID.randomUUID() + SUFFIX);
        NdjsonScanner.Counter counter = new NdjsonScanner.Counter();
        long bytes = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = body.read(buffer)) != -1) {
                bytes += n;
                if (bytes > maxBytes) {
                    throw new BoundedBody.TooLarge(maxBytes);
                }
                out.write(buffer, 0, n);
                counter.accept(buffer, n);
            }
        } catch (IOException | BoundedBody.TooLarge | RuntimeException e) {
            delete(file);
            throw e;
        }
        return new Stored(file.toAbsolutePath(), counter.linesWithContent());
    }

    /** {@code krr.import.max-bytes}: the largest upload stored (2 GiB by default). */
    public long maxBytes() {
        return maxBytes;
    }

    /** {@code krr.import.retention}: how long the file of a failed or stopped import is kept for a restart. */
    /** How long an import that the batch runtime calls running may go without committing before it is taken to be dead. */
    public Duration staleAfter() {
        return Duration.parse(staleAfter);
    }

    public Duration retention() {
        return Duration.parse(retention);
    }

    public Path directory() {
        return Path.of(dataDir, "imports");
    }

    public void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int chunkSize() {
        return Math.max(1, chunkSize);
    }
}
