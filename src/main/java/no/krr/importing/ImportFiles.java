package no.krr.importing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Uploaded import files, kept under {@code krr.data-dir/imports} until their import completes
 * (a stopped or failed import is restarted from the same file).
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

    /** Streams the body to a new file, counting the lines with content (the import's total). */
    public Stored store(InputStream body) throws IOException {
        Path dir = Path.of(dataDir, "imports");
        Files.createDirectories(dir);
        Path file = dir.resolve(UUID.randomUUID() + ".ndjson");
        long lines = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 1 << 16);
             BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.write(line);
                out.write('\n');
                if (!line.isBlank()) {
                    lines++;
                }
            }
        } catch (IOException e) {
            delete(file);
            throw e;
        }
        return new Stored(file.toAbsolutePath(), lines);
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
