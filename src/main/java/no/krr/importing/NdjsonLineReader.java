package no.krr.importing;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.StepContext;
import jakarta.inject.Inject;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads an import file line by line. Its checkpoint is the number of the last line handed out and
 * the count of lines with content so far, so a restart skips exactly the lines whose chunk was
 * committed and progress goes on counting where it stopped. Blank lines are ignored.
 */
@Dependent
@Named("ndjsonLineReader")
public class NdjsonLineReader extends AbstractItemReader {

    /** Where the reader stands: the last line number handed out and how many lines had content. */
    public record Position(long lineNumber, long linesRead) implements Serializable {
    }

    @Inject
    @BatchProperty(name = "file")
    String file;

    @Inject
    StepContext step;

    private BufferedReader reader;
    private long lineNumber;
    private long linesRead;

    @Override
    public void open(Serializable checkpoint) throws IOException {
        reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
        Position resume = checkpoint instanceof Position p ? p : new Position(0, 0);
        while (lineNumber < resume.lineNumber() && reader.readLine() != null) {
            lineNumber++;
        }
        linesRead = resume.linesRead();
        step.setTransientUserData(position());
    }

    @Override
    public NdjsonLine readItem() throws IOException {
        String text;
        while ((text = reader.readLine()) != null) {
            lineNumber++;
            if (!text.isBlank()) {
                linesRead++;
                step.setTransientUserData(position());
                return new NdjsonLine(lineNumber, text);
            }
        }
        return null;
    }

    @Override
    public Serializable checkpointInfo() {
        return position();
    }

    private Position position() {
        return new Position(lineNumber, linesRead);
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
        }
    }
}
