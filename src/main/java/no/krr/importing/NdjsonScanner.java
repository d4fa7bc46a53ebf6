package no.krr.importing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The lines of an import file, read as bytes with a ceiling per line: a line ends at {@code \n},
 * {@code \r\n} or a lone {@code \r}; a line with only blanks (space, tab and the other ASCII
 * white space) has no content. A line over {@link #MAX_LINE_BYTES} is not kept in memory: the
 * scanner reads on to its end and hands it out as too long, to be skipped with its line number.
 * {@link ImportFiles} counts the lines with content by the same rules while it stores the upload.
 */
public final class NdjsonScanner implements Closeable {

    public static final int MAX_LINE_BYTES = 64 * 1024;
    public static final String TOO_LONG = "line longer than " + MAX_LINE_BYTES + " bytes";

    /** One line: its text, or none when it was too long. */
    public record Line(String text, boolean content, boolean tooLong) {
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
    private boolean afterCr;

    public NdjsonScanner(InputStream in) {
        this(in, MAX_LINE_BYTES);
    }

    NdjsonScanner(InputStream in, int maxLineBytes) {
        this.in = new BufferedInputStream(in, 1 << 16);
        this.maxLineBytes = maxLineBytes;
    }

    /** Blank bytes: they do not make a line one with content. */
    static boolean blank(int b) {
        return b == ' ' || b == '\t' || b == 0x0B || b == '\f' || (b >= 0x1C && b <= 0x1F);
    }

    /** The next line, or null at the end of the file. */
    public Line next() throws IOException {
        line.reset();
        boolean content = false;
        boolean tooLong = false;
        boolean any = false;
        int b;
        while ((b = in.read()) != -1) {
            if (afterCr) {
                afterCr = false;
                if (b == '\n') {
                    continue;
                }
            }
            if (b == '\n' || b == '\r') {
                afterCr = b == '\r';
                return end(content, tooLong);
            }
            any = true;
            content |= !blank(b);
            if (!tooLong) {
                if (line.size() >= maxLineBytes) {
                    tooLong = true;
                    line.reset();
                } else {
                    line.write(b);
                }
            }
        }
        return any ? end(content, tooLong) : null;
    }

    private Line end(boolean content, boolean tooLong) {
        return tooLong ? new Line(null, content, true) : new Line(line.toString(StandardCharsets.UTF_8), content, false);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Counts lines with content over a stream of bytes handed in pieces, by the scanner's rules. */
    static final class Counter {
        private long lines;
        private boolean content;
        private boolean afterCr;

        void accept(byte[] bytes, int length) {
            for (int i = 0; i < length; i++) {
                int b = bytes[i] & 0xFF;
                if (afterCr) {
                    afterCr = false;
                    if (b == '\n') {
                        continue;
                    }
                }
                if (b == '\n' || b == '\r') {
                    afterCr = b == '\r';
                    if (content) {
                        lines++;
                    }
                    content = false;
                } else if (!blank(b)) {
                    content = true;
                }
            }
        }

        long linesWithContent() {
            return lines + (content ? 1 : 0);
        }
    }
}
