package no.krr.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The findings' page cursor. */
class FindingsCursorTest {

    @Nested
    class Cursor {

        @ParameterizedTest
        @ValueSource(longs = {0, 1, 42, 1_000_000_007L, Long.MAX_VALUE})
        void encodeThenDecodeGivesTheId(long id) {
            assertEquals(id, FindingsCursor.decode(FindingsCursor.encode(id)));
        }

        @Test
        void aCursorIsUrlSafeAndUnpadded() {
            for (long id : new long[] {0, 7, 12345, Long.MAX_VALUE}) {
                String cursor = FindingsCursor.encode(id);
                assertTrue(cursor.matches("[A-Za-z0-9_-]+"), cursor);
            }
        }

        private static String b64(String text) {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "!!!", "not a cursor", "12", "a+b/c=", "%3D"})
        void garbageIsRefused(String cursor) {
            assertThrows(IllegalArgumentException.class, () -> FindingsCursor.decode(cursor));
        }

        @ParameterizedTest
        @ValueSource(strings = {"x:12", "12", "d:", "d:abc", "d:1.5", "d:99999999999999999999", "D:12", "d: 12"})
        void wellFormedBase64OfSomethingElseIsRefused(String text) {
            assertThrows(IllegalArgumentException.class, () -> FindingsCursor.decode(b64(text)));
        }
    }
}
