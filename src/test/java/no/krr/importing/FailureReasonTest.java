package no.krr.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class FailureReasonTest {

    @Test
    void aDatabaseRefusalSaysSoWithItsStateAndFirstLineAndNoNationalId() {
        SQLException sql = new SQLException("ERROR: duplicate key value violates unique constraint \"person_pkey\"\n"
                + "  Detail: Key (personidentifikator)=(11822648950) already exists.", "23505");
        RuntimeException wrapped = new RuntimeException("Exception [EclipseLink-4002]", new IllegalStateException(sql));
        assertEquals("the database refused (SQL state 23505): ERROR: duplicate key value violates unique constraint \"person_pkey\"",
                FailureReason.of(wrapped));
    }

    @Test
    void aFileThatCannotBeReadSaysSo() {
        assertEquals("the file could not be read: /srv/krr/imports/a.ndjson",
                FailureReason.of(new UncheckedIOException(new NoSuchFileException("/srv/krr/imports/a.ndjson"))));
    }

    @Test
    void anythingElseGivesItsInnermostMessage() {
        assertEquals("IllegalArgumentException: bad chunk size",
                FailureReason.of(new RuntimeException(new IllegalArgumentException("bad chunk size"))));
        assertEquals("NullPointerException: (no message)", FailureReason.of(new NullPointerException()));
    }

    @Test
    void aNationalIdTheDatabaseQuotesIsMasked() {
        SQLException sql = new SQLException("Unique index violation: key (11822648950) exists", "23505");
        assertEquals("the database refused (SQL state 23505): Unique index violation: key (118226*****) exists",
                FailureReason.of(sql));
    }

    @Test
    void aLongReasonIsCut() {
        assertTrue(FailureReason.of(new IllegalStateException("x".repeat(2000))).length() <= FailureReason.MAX_LENGTH);
    }
}
