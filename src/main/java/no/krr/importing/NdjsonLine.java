package no.krr.importing;

import java.io.Serializable;

/** One non-blank line of an import file, with its 1-based line number; no text when it was too long. */
public record NdjsonLine(long number, String text) implements Serializable {

    /** A line over {@link NdjsonScanner#MAX_LINE_BYTES}, not read into memory. */
    static NdjsonLine tooLong(long number) {
        return new NdjsonLine(number, null);
    }

    boolean isTooLong() {
        return text == null;
    }
}
