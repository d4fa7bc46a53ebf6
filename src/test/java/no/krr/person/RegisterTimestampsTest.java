package no.krr.person;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RegisterTimestampsTest {

    @Test
    void hourOnlyOffset() {
        assertEquals(Optional.of(OffsetDateTime.of(2023, 6, 29, 10, 14, 52, 0, ZoneOffset.ofHours(2))),
                RegisterTimestamps.parse("2023-06-29T10:14:52+02"));
    }

    @Test
    void zuluWithMillis() {
        assertEquals(Optional.of(OffsetDateTime.of(2023, 8, 5, 10, 45, 15, 768_000_000, ZoneOffset.UTC)),
                RegisterTimestamps.parse("2023-08-05T10:45:15.768Z"));
    }

    @Test
    void fullOffsetWithMillis() {
        assertEquals(Optional.of(OffsetDateTime.of(2014, 2, 25, 13, 8, 0, 0, ZoneOffset.ofHours(1))),
                RegisterTimestamps.parse("2014-02-25T13:08:00.000+01:00"));
    }

    @Test
    void compactOffsetAndMissingSecondsAreAcceptedToo() {
        OffsetDateTime expected = OffsetDateTime.of(2014, 2, 25, 13, 8, 0, 0, ZoneOffset.ofHours(1));
        assertEquals(Optional.of(expected), RegisterTimestamps.parse("2014-02-25T13:08:00+0100"));
        assertEquals(Optional.of(expected), RegisterTimestamps.parse("2014-02-25T13:08+01:00"));
        // RFC 3339 §5.6 allows lower-case t and z
        assertEquals(expected.toInstant(), RegisterTimestamps.parse("2014-02-25t12:08:00z").orElseThrow().toInstant());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t"})
    void emptyMeansAbsent(String text) {
        assertEquals(Optional.empty(), RegisterTimestamps.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "2023-06-29", "2023-06-29T10:14:52", "2023-06-29 10:14:52+02:00",
            "2023-02-30T10:14:52+01:00", "2023-06-29T25:14:52+02:00", "2023-06-29T10:14:52+2",
            "2023-06-29T10:14:52+02:00x", "29.06.2023 10:14", "1687990492"})
    void garbageIsRejected(String text) {
        assertThrows(RegisterTimestamps.InvalidTimestampException.class, () -> RegisterTimestamps.parse(text));
    }

    @Test
    void errorMessageEchoesAtMost40Characters() {
        String longInput = "x".repeat(39) + "SECRET-TAIL-23079421936";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RegisterTimestamps.parse(longInput));
        assertFalse(e.getMessage().contains("SECRET"), e.getMessage());
        assertTrue(e.getMessage().contains("x".repeat(39)));
    }

    @Test
    void errorMessageCannotForgeLogLines() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RegisterTimestamps.parse("bad\nFAKE LOG LINE"));
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void formatWritesWinterOffset() {
        assertEquals("2014-02-25T13:08:00+01:00",
                RegisterTimestamps.format(OffsetDateTime.parse("2014-02-25T12:08:00Z")));
    }

    @Test
    void formatWritesSummerOffsetAndNeverZ() {
        assertEquals("2023-08-05T12:45:15.768+02:00",
                RegisterTimestamps.format(RegisterTimestamps.parse("2023-08-05T10:45:15.768Z").orElseThrow()));
    }

    @Test
    void formatConvertsForeignOffsetsToOslo() {
        assertEquals("2023-06-29T10:14:52+02:00",
                RegisterTimestamps.format(OffsetDateTime.parse("2023-06-29T03:14:52-05:00")));
    }

    @Test
    void formatWritesMillisOnlyWhenNonZero() {
        assertEquals("2014-02-25T13:08:00+01:00",
                RegisterTimestamps.format(RegisterTimestamps.parse("2014-02-25T13:08:00.000+01:00").orElseThrow()));
        assertEquals("2014-02-25T13:08:00.500+01:00",
                RegisterTimestamps.format(OffsetDateTime.parse("2014-02-25T13:08:00.5+01:00")));
        // below a millisecond is dropped, and then there is no fraction left to write
        assertEquals("2014-02-25T13:08:00+01:00",
                RegisterTimestamps.format(OffsetDateTime.parse("2014-02-25T13:08:00.000999+01:00")));
    }

    @Test
    void roundTripOfTheHourOnlyShape() {
        assertEquals("2023-06-29T10:14:52+02:00",
                RegisterTimestamps.format(RegisterTimestamps.parse("2023-06-29T10:14:52+02").orElseThrow()));
    }

    @Test
    void formatAcrossTheAutumnDstChange() {
        // 2025-10-26 03:00 CEST becomes 02:00 CET: the same wall time twice, told apart by the offset
        assertEquals("2025-10-26T02:30:00+02:00", RegisterTimestamps.format(OffsetDateTime.parse("2025-10-26T00:30:00Z")));
        assertEquals("2025-10-26T02:30:00+01:00", RegisterTimestamps.format(OffsetDateTime.parse("2025-10-26T01:30:00Z")));
    }
}
