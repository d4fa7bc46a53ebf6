package no.krr.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The rules of {@link RunLock} that need no database: when a holder counts as dead, and reading its heartbeat. */
class RunLockTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-03T15:00:00Z");
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void aHolderIsAliveUntilItHasBeenSilentForTheWholeStaleTime() {
        assertTrue(RunLock.alive(NOW, NOW, FIVE_MINUTES));
        assertTrue(RunLock.alive(NOW.minusMinutes(5).plusNanos(1), NOW, FIVE_MINUTES));
        assertFalse(RunLock.alive(NOW.minusMinutes(5), NOW, FIVE_MINUTES), "silent for exactly the stale time: dead");
        assertFalse(RunLock.alive(NOW.minusHours(1), NOW, FIVE_MINUTES));
        assertFalse(RunLock.alive(OffsetDateTime.MIN, NOW, FIVE_MINUTES), "no sign of life at all");
    }

    @Test
    void aLastSignInAnotherOffsetIsComparedAsAnInstant() {
        OffsetDateTime inOslo = NOW.minusMinutes(4).atZoneSameInstant(ZoneId.of("Europe/Oslo")).toOffsetDateTime();
        assertTrue(RunLock.alive(inOslo, NOW, FIVE_MINUTES));
    }

    @Test
    void theHeartbeatIsReadWhateverTypeTheDriverGives() {
        Instant instant = NOW.toInstant();
        assertNull(RunLock.toOffset(null));
        assertEquals(NOW, RunLock.toOffset(NOW));
        assertEquals(NOW, RunLock.toOffset(Timestamp.from(instant)));
        assertEquals(ZoneOffset.UTC, RunLock.toOffset(Timestamp.from(instant)).getOffset());
        assertEquals(NOW, RunLock.toOffset(instant));
        assertEquals(instant, RunLock.toOffset(NOW.atZoneSameInstant(ZoneId.of("Europe/Oslo"))).toInstant());
        assertThrows(IllegalStateException.class, () -> RunLock.toOffset("2026-12-03T15:00:00Z"));
    }
}
