package no.krr.person;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.OffsetDateTime;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommonShapesTest {

    @ParameterizedTest
    @ValueSource(strings = {"2023-06-29T10:14:52+02", "2023-08-05T10:45:15.768Z", "2014-02-25T13:08:00.000+01:00",
            "2014-02-25T13:08:00+0100", "2014-02-25T13:08+01:00", "2020-02-29T23:59:59.123456789-05:30",
            "1999-12-31T00:00:00-00:00", "2024-03-31T02:30:00+02:00"})
    void readsTheCommonShapesAsTheFormatterDoes(String text) {
        OffsetDateTime fast = CommonShapes.parse(text);
        assertNotNull(fast, text);
        assertEquals(RegisterTimestamps.strictly(text, text), fast);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-30T10:14:52+01:00", "2023-06-29T25:14:52+02:00", "2023-06-29T10:14:52+2",
            "2023-06-29T10:14:52", "2023-06-29 10:14:52+02:00", "2014-02-25t12:08:00z", "2023-06-29T10:14:52.+02",
            "2023-06-29T10:14:52+19", "+12023-06-29T10:14:52Z", "2023-06-29T10:14:52.1234567890Z", "2023-06-29T10:14:52+02:00:00"})
    void declinesEverythingElse(String text) {
        assertNull(CommonShapes.parse(text), text);
    }

    /**
     * On generated near-timestamps (valid ones, then one or two characters changed, dropped or
     * added), whatever the hand-written reader takes, the formatter takes too, to the same value.
     */
    @Test
    void neverAcceptsWhatTheFormatterRefuses() {
        Random random = new Random(20261203L);
        String alphabet = "0123456789-:+.TZtz ";
        int accepted = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder(String.format("%04d-%02d-%02dT%02d:%02d:%02d", random.nextInt(3000),
                    random.nextInt(14), random.nextInt(33), random.nextInt(26), random.nextInt(61), random.nextInt(61)));
            switch (random.nextInt(4)) {
                case 0 -> text.append('.').append(random.nextInt(1_000_000));
                case 1 -> text.append(".000");
                default -> { }
            }
            String[] offsets = {"Z", "+02", "-05", "+0130", "+01:00", "-00:00", "+18", "+19", "+02:60", ""};
            text.append(offsets[random.nextInt(offsets.length)]);
            for (int m = random.nextInt(3); m > 0 && !text.isEmpty(); m--) {
                int at = random.nextInt(text.length());
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(3)) {
                    case 0 -> text.setCharAt(at, c);
                    case 1 -> text.deleteCharAt(at);
                    default -> text.insert(at, c);
                }
            }
            String input = text.toString();
            OffsetDateTime fast = CommonShapes.parse(input);
            if (fast == null) {
                continue;
            }
            accepted++;
            try {
                assertEquals(RegisterTimestamps.strictly(input, input), fast, input);
            } catch (RegisterTimestamps.InvalidTimestampException e) {
                fail("the hand-written reader took what the formatter refuses: " + input);
            }
        }
        // most generated values are impossible dates or times; many thousands must still have been compared
        assertEquals(true, accepted > 10_000, "compared " + accepted);
    }
}
