package no.krr.importing;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads an import file line by line. Its checkpoint is the number of the last line handed out,
 * so a restart skips exactly the lines whose chunk was committed. Blank lines are ignored.
 */
@Named("ndjsonLineReader")
public class NdjsonLineReader extends AbstractItemReader {

    @Inject
    @BatchProperty(name = "file")
    String file;

    private BufferedReader reader;
    private long lineNumber;

    @Override
    public void open(Serializable checkpoint) throws IOException {
        reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
        long resumeAfter = checkpoint instanceof Long last ? last : 0L;
        while (lineNumber < resumeAfter && reader.readLine() != null) {
            lineNumber++;
        }
    }

    @Override
    public NdjsonLine readItem() throws IOException {
        String text;
        while ((text = reader.readLine()) != null) {
            lineNumber++;
            if (!text.isBlank()) {
                return new NdjsonLine(lineNumber, text);
            }
        }
        return null;
    }

    @Override
    public Serializable checkpointInfo() {
        return lineNumber;
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
        }
    }
}
