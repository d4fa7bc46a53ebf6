package no.krr.bench;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.List;
import java.util.Locale;
import no.krr.person.RegisterTimestamps;

/**
 * How long one upstream timestamp takes to read: {@link RegisterTimestamps#parse} (the hand-written
 * reader of the common shapes) beside the lenient {@code DateTimeFormatter} it had before, which
 * still decides every other shape. Prints nanoseconds per timestamp, the median of several rounds
 * after a JIT warm-up. Run by {@code bench/timestamps.sh}; a figure, not a test.
 */
public final class TimestampBench {

    static final List<String> SHAPES = List.of("2023-06-29T10:14:52+02", "2023-08-05T10:45:15.768Z",
            "2014-02-25T13:08:00.000+01:00");

    /** The reader as it was before the common shapes were read by hand. */
    static final DateTimeFormatter FORMATTER = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).parseLenient().appendOffset("+HH", "Z").parseStrict()
            .toFormatter(Locale.ROOT).withChronology(java.time.chrono.IsoChronology.INSTANCE)
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    static volatile Object sink;

    public static void main(String[] args) {
        int perRound = 2_000_000;
        System.out.println("| shape | DateTimeFormatter (ns) | RegisterTimestamps.parse (ns) | ratio |");
        System.out.println("|---|--:|--:|--:|");
        for (String shape : SHAPES) {
            double formatter = median(() -> FORMATTER.parse(shape, OffsetDateTime::from), perRound);
            double parse = median(() -> RegisterTimestamps.parse(shape), perRound);
            System.out.printf(Locale.ROOT, "| `%s` | %.0f | %.0f | %.1f× |%n", shape, formatter, parse, formatter / parse);
        }
    }

    private static double median(java.util.function.Supplier<Object> work, int perRound) {
        double[] rounds = new double[7];
        for (int warm = 0; warm < 3; warm++) {
            time(work, perRound);
        }
        for (int r = 0; r < rounds.length; r++) {
            rounds[r] = time(work, perRound);
        }
        java.util.Arrays.sort(rounds);
        return rounds[rounds.length / 2];
    }

    private static double time(java.util.function.Supplier<Object> work, int count) {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            sink = work.get();
        }
        return (System.nanoTime() - start) / (double) count;
    }
}
