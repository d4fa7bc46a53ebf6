package no.krr.person;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The register's timestamps in the shapes upstream actually sends ({@code 2023-06-29T10:14:52+02},
 * {@code 2023-08-05T10:45:15.768Z}, {@code 2014-02-25T13:08:00.000+01:00}), read by hand: a
 * reconciliation reads millions of them, and {@code DateTimeFormatter} spent about a quarter of
 * its CPU doing so ({@code bench/RESULTS.md}). It takes {@code yyyy-MM-ddTHH:mm[:ss[.f…]]} followed
 * by {@code Z}, {@code ±HH}, {@code ±HHMM} or {@code ±HH:MM}, and declines (null) everything else,
 * an impossible date included, so that {@link RegisterTimestamps}'s formatter decides those exactly
 * as before. It never accepts what the formatter would refuse ({@code CommonShapesTest} compares
 * the two on generated input).
 */
final class CommonShapes {

    private CommonShapes() {
    }

    /** The timestamp, or null when the text is not one of the common shapes (or no valid date-time). */
    static OffsetDateTime parse(String text) {
        int length = text.length();
        if (length < 17 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        if ((year | month | day | hour | minute) < 0) {
            return null;
        }
        int at = 16;
        int second = 0;
        int nano = 0;
        if (at < length && text.charAt(at) == ':') {
            second = digits(text, at + 1, 2);
            if (second < 0) {
                return null;
            }
            at += 3;
            if (at < length && text.charAt(at) == '.') {
                int start = ++at;
                while (at < length && at - start < 9 && isDigit(text.charAt(at))) {
                    nano = nano * 10 + (text.charAt(at) - '0');
                    at++;
                }
                int count = at - start;
                if (count == 0) {
                    return null;
                }
                for (int i = count; i < 9; i++) {
                    nano *= 10;
                }
            }
        }
        ZoneOffset offset = offset(text, at);
        if (offset == null) {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, nano, offset);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** {@code Z}, {@code ±HH}, {@code ±HHMM} or {@code ±HH:MM} to the end of the text, else null. */
    private static ZoneOffset offset(String text, int at) {
        int rest = text.length() - at;
        if (rest == 1 && text.charAt(at) == 'Z') {
            return ZoneOffset.UTC;
        }
        if (rest != 3 && rest != 5 && rest != 6) {
            return null;
        }
        char sign = text.charAt(at);
        if (sign != '+' && sign != '-') {
            return null;
        }
        int hours = digits(text, at + 1, 2);
        int minutes = 0;
        if (rest == 5) {
            minutes = digits(text, at + 3, 2);
        } else if (rest == 6) {
            minutes = text.charAt(at + 3) == ':' ? digits(text, at + 4, 2) : -1;
        }
        if (hours < 0 || minutes < 0) {
            return null;
        }
        try {
            return sign == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes) : ZoneOffset.ofHoursMinutes(-hours, -minutes);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The number written by {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String text, int from, int count) {
        if (from + count > text.length()) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
