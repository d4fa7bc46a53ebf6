package no.krr.importing;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.inject.Inject;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads an import file line by line. Its position is the number of the last line handed out and
 * the count of lines with content so far; a restart starts after the position the last committed
 * chunk recorded ({@link ImportStore}), so it skips exactly the lines whose chunk was committed
 * and progress goes on counting where it stopped. Blank lines are ignored; a line over
 * 64 KiB is handed out without its text, and the processor skips it ({@link NdjsonScanner}).
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
    JobContext job;

    @Inject
    StepContext step;

    @Inject
    ImportStore store;

    private NdjsonScanner reader;
    private long lineNumber;
    private long linesRead;

    @Override
    public void open(Serializable checkpoint) throws IOException {
        reader = new NdjsonScanner(Files.newInputStream(Path.of(file)));
        // our own committed position, not the runtime's checkpoint: the chunk's rows commit first
        Position resume = store.position(ImportIds.of(job)).orElse(new Position(0, 0));
        while (lineNumber < resume.lineNumber() && reader.next() != null) {
            lineNumber++;
        }
        linesRead = resume.linesRead();
        step.setTransientUserData(position());
    }

    @Override
    public NdjsonLine readItem() throws IOException {
        NdjsonScanner.Line line;
        while ((line = reader.next()) != null) {
            lineNumber++;
            if (line.content()) {
                linesRead++;
                step.setTransientUserData(position());
                return line.tooLong() ? NdjsonLine.tooLong(lineNumber) : new NdjsonLine(lineNumber, line.text());
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
