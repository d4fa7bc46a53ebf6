package no.krr.person;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads and writes the register's timestamps (docs/register.md §1).
 *
 * <p>Upstream is not consistent: it sends {@code 2023-06-29T10:14:52+02} (hour-only offset, not
 * RFC 3339), {@code 2023-08-05T10:45:15.768Z} and {@code 2014-02-25T13:08:00.000+01:00}. All are
 * read, and so are {@code +0200} and a missing seconds field, because the lenient offset parser
 * and ISO local time give them for free. A timestamp without an offset is refused: guessing the
 * zone would silently shift the 18-month rule by an hour or two.
 *
 * <p>Writing always uses the full offset of Europe/Oslo at that instant, so consumers see the
 * same local wall-clock time the register shows to the person, and strict RFC 3339 parsers
 * accept it.
 */
public final class RegisterTimestamps {

    /** The register's zone; also the zone of the 18-month rule. */
    public static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    // How much of a rejected value the error message may show: enough to recognise the shape,
    // too little to carry a whole record of personal data into a log.
    private static final int ECHO_LIMIT = 40;

    private static final DateTimeFormatter READ = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            // lenient "+HH" takes +02, +0200 and +02:00 alike (colon decided by the input)
            .parseLenient()
            .appendOffset("+HH", "Z")
            .parseStrict()
            .toFormatter(Locale.ROOT)
            .withChronology(IsoChronology.INSTANCE)
            // STRICT so that 2014-02-30 is an error instead of quietly becoming 2014-02-28
            .withResolverStyle(ResolverStyle.STRICT);

    private static final DateTimeFormatter WRITE_SECONDS = writer(false);
    private static final DateTimeFormatter WRITE_MILLIS = writer(true);

    private RegisterTimestamps() {
    }

    /**
     * Parses one upstream timestamp.
     *
     * @return empty for {@code null} or an empty (or blank) string, which upstream uses for "absent"
     * @throws InvalidTimestampException for anything else that is not one of the accepted shapes
     */
    public static Optional<OffsetDateTime> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String stripped = text.strip();
        OffsetDateTime common = CommonShapes.parse(stripped);
        if (common != null) {
            return Optional.of(common);
        }
        return Optional.of(strictly(stripped, text));
    }

    /** The formatter's reading, which decides every shape {@link CommonShapes} does not take. */
    static OffsetDateTime strictly(String stripped, String original) {
        try {
            return READ.parse(stripped, OffsetDateTime::from);
        } catch (DateTimeException e) {
            throw new InvalidTimestampException(original, e);
        }
    }

    /**
     * ISO-8601 with the full Europe/Oslo offset at that instant ({@code +01:00} or {@code +02:00},
     * never {@code Z}); milliseconds only when non-zero, anything finer is dropped.
     */
    public static String format(OffsetDateTime value) {
        OffsetDateTime oslo = value.atZoneSameInstant(OSLO).toOffsetDateTime().truncatedTo(ChronoUnit.MILLIS);
        return (oslo.getNano() == 0 ? WRITE_SECONDS : WRITE_MILLIS).format(oslo);
    }

    private static DateTimeFormatter writer(boolean millis) {
        DateTimeFormatterBuilder b = new DateTimeFormatterBuilder()
                .append(DateTimeFormatter.ISO_LOCAL_DATE)
                .appendLiteral('T')
                .appendPattern("HH:mm:ss");
        if (millis) {
            b.appendPattern(".SSS");
        }
        // "+HH:MM:ss": Oslo's offsets before 1895 had seconds; "+00:00" instead of Z for UTC
        return b.appendOffset("+HH:MM:ss", "+00:00")
                .toFormatter(Locale.ROOT)
                .withChronology(IsoChronology.INSTANCE);
    }

    /** A timestamp from upstream that has none of the accepted shapes. */
    public static final class InvalidTimestampException extends IllegalArgumentException {

        InvalidTimestampException(String input, Throwable cause) {
            super("not a register timestamp (expected e.g. 2023-06-29T10:14:52+02:00): '" + echo(input) + "'", cause);
        }

        private static String echo(String input) {
            String shown = input.length() > ECHO_LIMIT ? input.substring(0, ECHO_LIMIT) + "…" : input;
            // control characters would let a crafted value forge extra log lines
            return shown.replaceAll("\\p{Cntrl}", "?");
        }
    }
}
