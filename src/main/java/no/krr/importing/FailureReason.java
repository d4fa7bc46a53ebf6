package no.krr.importing;

import java.io.IOException;
import java.sql.SQLException;
import no.krr.person.NationalId;

/**
 * Why a job failed, in one line an operator can act on: what refused (the database, the file
 * system, …) and its own words, from the innermost cause that says something. National ids that
 * a database message quotes (a key value) are masked.
 */
final class FailureReason {

    static final int MAX_LENGTH = 500;

    private FailureReason() {
    }

    static String of(Throwable failure) {
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
        String masked = NationalId.maskAll(reason);
        return masked.length() > MAX_LENGTH ? masked.substring(0, MAX_LENGTH) : masked;
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
