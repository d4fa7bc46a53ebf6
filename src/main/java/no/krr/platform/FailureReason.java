package no.krr.platform;

import java.io.IOException;
import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * Why a job failed, in one line an operator can act on: what refused (the database, the file
 * system, …) and its own words, from the innermost cause that says something. National ids that
 * a database message quotes (a key value) are masked.
 */
public final class FailureReason {

    private static final Pattern NATIONAL_ID = Pattern.compile("(?<!\\d)(\\d{6})\\d{5}(?!\\d)");
    static final int MAX_LENGTH = 500;

    private FailureReason() {
    }

    public static String of(Throwable failure) {
        SQLException sql = null;
        IOException io = null;
        Throwable innermost = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (sql == null && t instanceof SQLException e) {
                sql = e;
            }
            if (io == null && t instanceof IOException e) {
                io = e;
            }
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                innermost = t;
            }
        }
        String reason;
        if (sql != null) {
            reason = "the database refused" + (sql.getSQLState() == null ? "" : " (SQL state " + sql.getSQLState() + ")")
                    + ": " + firstLine(sql.getMessage());
        } else if (io != null) {
            reason = "the file could not be read: " + firstLine(io.getMessage());
        } else {
            reason = innermost.getClass().getSimpleName() + ": " + firstLine(innermost.getMessage());
        }
        return mask(reason.length() > MAX_LENGTH ? reason.substring(0, MAX_LENGTH) : reason);
    }

    /** Replaces the last five digits of every national id (a run of exactly 11 digits) with stars. */
    public static String mask(String text) {
        return NATIONAL_ID.matcher(text).replaceAll("$1*****");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        String trimmed = message.strip();
        int end = trimmed.indexOf('\n');
        return end < 0 ? trimmed : trimmed.substring(0, end).strip();
    }
}
