package no.krr.importing;

import java.io.Serializable;

/** One non-blank line of an import file, with its 1-based line number. */
public record NdjsonLine(long number, String text) implements Serializable {
}
