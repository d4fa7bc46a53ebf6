package no.krr.person;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NationalIdTest {

    private static final int[] K1_WEIGHTS = {3, 7, 6, 1, 8, 9, 4, 5, 2};
    private static final int[] K2_WEIGHTS = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

    @ParameterizedTest
    @ValueSource(strings = {"23079421936", "20914695016", "11887197158", "17894199350", "04846697271",
            "11822648950", "23837998492", "18868299939", "18886799280", "01814797763"})
    void publishedTestPersonsAreValid(String id) {
        assertTrue(NationalId.isValid(id));
        assertEquals(id, new NationalId(id).value());
        assertEquals(Optional.of(new NationalId(id)), NationalId.parse(id));
    }

    @Test
    void tenorNumbersAreSynthetic() {
        assertEquals(NationalId.Kind.SYNTETISK, new NationalId("11887197158").kind());
        assertEquals(NationalId.Kind.FOEDSELSNUMMER, new NationalId("23079421936").kind());
    }

    @Test
    void wrongCheckDigitsAreRejected() {
        assertFalse(NationalId.isValid("23079421937")); // k2 off by one
        assertFalse(NationalId.isValid("23079421926")); // k1 off by one
        assertThrows(IllegalArgumentException.class, () -> new NationalId("23079421937"));
        assertEquals(Optional.empty(), NationalId.parse("23079421937"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"2307942193", "230794219366", "2307942193a", " 23079421936", "23079421936 ",
            "230794-21936", "２３０７９４２１９３６"})
    void wrongShapeIsRejected(String candidate) {
        assertFalse(NationalId.isValid(candidate));
        assertEquals(Optional.empty(), NationalId.parse(candidate));
        assertThrows(IllegalArgumentException.class, () -> new NationalId(candidate));
    }

    @Test
    void dNummerIsValid() {
        NationalId d = withClassicCheckDigits("630794", 219); // 23.07.94 with day + 40
        assertTrue(NationalId.isValid(d.value()));
        assertEquals(NationalId.Kind.D_NUMMER, d.kind());
    }

    @Test
    void syntheticMonthPlus40IsValid() {
        NationalId h = withClassicCheckDigits("234794", 219);
        assertTrue(NationalId.isValid(h.value()));
        assertEquals(NationalId.Kind.SYNTETISK, h.kind());
    }

    @Test
    void impossibleDatesAreRejectedEvenWithCorrectCheckDigits() {
        for (String date : new String[] {"231394", "320794", "000794", "230094", "720794", "235394", "239394"}) {
            String nine = firstNineWithCheckDigits(date, 100);
            String candidate = nine + NationalId.checkDigitsFor(nine).orElseThrow();
            assertFalse(NationalId.isValid(candidate), date);
        }
    }

    @Test
    void the2032RuleAcceptsK1FromConstants12To14() {
        boolean found = false;
        for (int individual = 100; individual < 1000 && !found; individual++) {
            String nine = "230794" + individual;
            int[] d = digits(nine);
            int s = sum(d, K1_WEIGHTS, 9) % 11;
            int classic = (11 - s) % 11;
            for (int constant = 12; constant <= 14 && !found; constant++) {
                int k1 = (constant - s) % 11;
                if (k1 == 10 || k1 == classic) {
                    continue;
                }
                Optional<Integer> k2 = k2For(nine, k1);
                if (k2.isPresent()) {
                    String id = nine + k1 + k2.get();
                    assertTrue(NationalId.isValid(id), "constant " + constant + " for " + nine);
                    found = true;
                }
            }
        }
        assertTrue(found, "no 2032-rule number constructed");
    }

    @Test
    void aK1OutsideAllFourConstantsIsRejected() {
        boolean found = false;
        for (int individual = 100; individual < 1000 && !found; individual++) {
            String nine = "230794" + individual;
            int s = sum(digits(nine), K1_WEIGHTS, 9) % 11;
            for (int k1 = 0; k1 <= 9 && !found; k1++) {
                // k1 + s ≡ 11..14 (mod 11) means remainder 0..3; anything else is invalid
                if ((k1 + s) % 11 <= 3) {
                    continue;
                }
                Optional<Integer> k2 = k2For(nine, k1);
                if (k2.isPresent()) {
                    assertFalse(NationalId.isValid(nine + k1 + k2.get()));
                    found = true;
                }
            }
        }
        assertTrue(found);
    }

    @Test
    void checkDigitsForAgreesWithPublishedNumbers() {
        assertEquals(Optional.of("36"), NationalId.checkDigitsFor("230794219"));
    }

    @Test
    void checkDigitsForRefusesAnythingButNineDigits() {
        assertThrows(IllegalArgumentException.class, () -> NationalId.checkDigitsFor("23079421"));
        assertThrows(IllegalArgumentException.class, () -> NationalId.checkDigitsFor("23079421x"));
        assertThrows(IllegalArgumentException.class, () -> NationalId.checkDigitsFor(null));
    }

    @Test
    void maskingShowsTheDateOnly() {
        NationalId id = new NationalId("23079421936");
        assertEquals("230794*****", id.masked());
        assertEquals("230794*****", id.toString());
        assertFalse(id.toString().contains("23079421936"));
        assertFalse(String.valueOf(Optional.of(id)).contains("23079421936"));
    }

    @Test
    void maskAllMasksEveryElevenDigitRunInAText() {
        assertEquals("Unhandled failure on /admin/v1/persons/230794*****/audit",
                NationalId.maskAll("Unhandled failure on /admin/v1/persons/23079421936/audit"));
        // PostgreSQL quotes the key of a violated constraint
        assertEquals("Key (id)=(123456*****) already exists; Key (pid)=(048466*****)",
                NationalId.maskAll("Key (id)=(12345678901) already exists; Key (pid)=(04846697271)"));
        assertEquals("at start 230794***** and at the end 118871*****",
                NationalId.maskAll("at start 23079421936 and at the end 11887197158"));
        assertEquals("230794*****\n209146*****", NationalId.maskAll("23079421936\n20914695016"));
        assertEquals("pid=230794*****&x", NationalId.maskAll("pid=23079421936&x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"timeMillis: 1796306622109", "2307942193", "0230794219361", "no digits at all", "",
            "2026-12-03T14:03:42.109+0000", "tid: _ThreadID=81"})
    void maskAllLeavesShorterAndLongerDigitRunsAlone(String text) {
        assertEquals(text, NationalId.maskAll(text));
    }

    @Test
    void maskAllOfNothingIsTheWordNull() {
        assertEquals("null", NationalId.maskAll(null));
    }

    @Test
    void errorMessageForAnInvalidIdIsMasked() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new NationalId("23079421937"));
        assertFalse(e.getMessage().contains("23079421937"));
        assertTrue(e.getMessage().contains("230794*****"));
    }

    private static NationalId withClassicCheckDigits(String date, int fromIndividual) {
        String nine = firstNineWithCheckDigits(date, fromIndividual);
        return new NationalId(nine + NationalId.checkDigitsFor(nine).orElseThrow());
    }

    private static String firstNineWithCheckDigits(String date, int fromIndividual) {
        for (int i = fromIndividual; i < 1000; i++) {
            String nine = date + i;
            if (NationalId.checkDigitsFor(nine).isPresent()) {
                return nine;
            }
        }
        throw new AssertionError("no individual number with check digits for " + date);
    }

    private static Optional<Integer> k2For(String nine, int k1) {
        int[] d = digits(nine + k1);
        int k2 = (11 - sum(d, K2_WEIGHTS, 10) % 11) % 11;
        return k2 == 10 ? Optional.empty() : Optional.of(k2);
    }

    private static int[] digits(String s) {
        return s.chars().map(c -> c - '0').toArray();
    }

    private static int sum(int[] d, int[] w, int n) {
        int s = 0;
        for (int i = 0; i < n; i++) {
            s += d[i] * w[i];
        }
        return s;
    }
}
