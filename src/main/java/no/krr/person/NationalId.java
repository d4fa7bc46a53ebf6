package no.krr.person;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Norwegian national identity number (personidentifikator): an 11-digit fødselsnummer or
 * D-nummer, including the synthetic test numbers (month + 80 from Tenor, month + 40).
 *
 * <p>Check digits follow docs/register.md §7. The 2032 rule (k1 may be computed from the constants
 * 11, 12, 13 or 14) is accepted already now: numbers issued under it must not be refused by a
 * register that outlives the change, and no old number becomes valid by mistake through it
 * that was not already a well-formed number.
 *
 * <p>{@link #toString()} is masked on purpose, so that a national id that slips into a log line or
 * an error message is never written in clear; {@link #value()} gives the digits.
 */
public record NationalId(String value) implements Comparable<NationalId> {

    // a run of exactly eleven: longer runs (epoch milliseconds in a log line) are no national id
    private static final Pattern ELEVEN_DIGIT_RUN = Pattern.compile("(?<!\\d)\\d{11}(?!\\d)");
    private static final Pattern NINE_DIGITS = Pattern.compile("\\d{9}");
    private static final int[] K1_WEIGHTS = {3, 7, 6, 1, 8, 9, 4, 5, 2};
    private static final int[] K2_WEIGHTS = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

    public enum Kind { FOEDSELSNUMMER, D_NUMMER, SYNTETISK }

    public NationalId {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a valid national id: " + mask(value));
        }
    }

    /** The id if {@code candidate} is a valid national id, otherwise empty. */
    public static Optional<NationalId> parse(String candidate) {
        return isValid(candidate) ? Optional.of(new NationalId(candidate)) : Optional.empty();
    }

    public static boolean isValid(String candidate) {
        // by hand, not by a regex: a reconciliation checks every id of every upstream answer
        if (candidate == null || candidate.length() != 11) {
            return false;
        }
        int[] d = new int[11];
        for (int i = 0; i < 11; i++) {
            char c = candidate.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            d[i] = c - '0';
        }
        return plausibleDate(d) && checkDigitsMatch(d);
    }

    /**
     * The two check digits for nine leading digits, by the classic rule; empty if none exist.
     *
     * @throws IllegalArgumentException if the input is not exactly nine ASCII digits
     */
    public static Optional<String> checkDigitsFor(String nineDigits) {
        // without this, letters or a short input gave silently wrong digits or an index error
        if (nineDigits == null || !NINE_DIGITS.matcher(nineDigits).matches()) {
            throw new IllegalArgumentException("not nine digits: " + mask(nineDigits));
        }
        int[] d = nineDigits.chars().map(c -> c - '0').toArray();
        int k1 = remainderToDigit(11 - weightedSum(d, K1_WEIGHTS, 9) % 11);
        if (k1 < 0) {
            return Optional.empty();
        }
        int[] withK1 = java.util.Arrays.copyOf(d, 10);
        withK1[9] = k1;
        int k2 = remainderToDigit(11 - weightedSum(withK1, K2_WEIGHTS, 10) % 11);
        return k2 < 0 ? Optional.empty() : Optional.of("" + k1 + k2);
    }

    public Kind kind() {
        int day = (value.charAt(0) - '0') * 10 + (value.charAt(1) - '0');
        int month = (value.charAt(2) - '0') * 10 + (value.charAt(3) - '0');
        if (month > 40) {
            return Kind.SYNTETISK;
        }
        return day > 40 ? Kind.D_NUMMER : Kind.FOEDSELSNUMMER;
    }

    /** The first six digits (the date part) followed by five stars, e.g. {@code 230794*****}. */
    public String masked() {
        return mask(value);
    }

    /** Masks anything that may be a national id; safe for values that are not one. */
    public static String mask(String candidate) {
        if (candidate == null) {
            return "null";
        }
        if (candidate.length() <= 6) {
            return "*".repeat(candidate.length());
        }
        return candidate.substring(0, 6) + "*".repeat(candidate.length() - 6);
    }

    /**
     * The text with every run of exactly eleven digits masked as {@link #mask} does, valid check
     * digits or not: a mistyped id is as personal as a valid one.
     */
    public static String maskAll(String text) {
        if (text == null) {
            return "null";
        }
        return ELEVEN_DIGIT_RUN.matcher(text).replaceAll(m -> mask(m.group()));
    }

    @Override
    public String toString() {
        return masked();
    }

    @Override
    public int compareTo(NationalId other) {
        return value.compareTo(other.value);
    }

    private static boolean plausibleDate(int[] d) {
        int day = d[0] * 10 + d[1];
        int month = d[2] * 10 + d[3];
        if (day > 40) {
            day -= 40; // D-nummer
        }
        if (month > 80) {
            month -= 80; // synthetic (Tenor)
        } else if (month > 40) {
            month -= 40; // synthetic (older test numbers)
        }
        return day >= 1 && day <= 31 && month >= 1 && month <= 12;
    }

    private static boolean checkDigitsMatch(int[] d) {
        int k1Sum = weightedSum(d, K1_WEIGHTS, 9) % 11;
        boolean k1Ok = false;
        // classic rule: 11 - sum; the 2032 rule adds 12, 13 and 14 - sum
        for (int constant = 11; constant <= 14 && !k1Ok; constant++) {
            k1Ok = remainderToDigit((constant - k1Sum) % 11) == d[9];
        }
        if (!k1Ok) {
            return false;
        }
        int k2 = remainderToDigit(11 - weightedSum(d, K2_WEIGHTS, 10) % 11);
        return k2 == d[10];
    }

    /** 11 means 0, 10 means no digit (returned as -1). */
    private static int remainderToDigit(int value) {
        int v = value % 11;
        return v == 10 ? -1 : v;
    }

    private static int weightedSum(int[] digits, int[] weights, int count) {
        int sum = 0;
        for (int i = 0; i < count; i++) {
            sum += digits[i] * weights[i];
        }
        return sum;
    }
}
