package no.krr.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.enterprise.concurrent.CronTrigger;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** {@code krr.reconcile.schedule} is EJB/Quartz style; the Jakarta Concurrency CronTrigger must take it. */
class ReconcileScheduleTest {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    @Test
    void theQuestionMarkBecomesAStar() {
        assertEquals("0 0 2 * * *", ReconcileSchedule.toJakartaCron("0 0 2 * * ?"));
        assertEquals("0 30 1 * * MON", ReconcileSchedule.toJakartaCron("0 30 1 ? * MON"));
    }

    @Test
    void surroundingWhitespaceIsDropped() {
        assertEquals("0 0 2 * * *", ReconcileSchedule.toJakartaCron("  0 0 2 * * ?\n"));
    }

    @Test
    void anExpressionWithoutQuestionMarkIsUnchanged() {
        assertEquals("0 15 3 * * MON-FRI", ReconcileSchedule.toJakartaCron("0 15 3 * * MON-FRI"));
    }

    @Test
    void theDefaultScheduleRunsAtTwoOsloTimeTheNextDay() {
        CronTrigger trigger = new CronTrigger(ReconcileSchedule.toJakartaCron("0 0 2 * * ?"), OSLO);

        // summer (+02:00) and winter (+01:00)
        assertEquals(ZonedDateTime.of(2025, 6, 11, 2, 0, 0, 0, OSLO),
                trigger.getNextRunTime(null, ZonedDateTime.of(2025, 6, 10, 12, 0, 0, 0, OSLO)));
        assertEquals(ZonedDateTime.of(2025, 1, 11, 2, 0, 0, 0, OSLO),
                trigger.getNextRunTime(null, ZonedDateTime.of(2025, 1, 10, 12, 0, 0, 0, OSLO)));
    }

    @Test
    void theScheduleIsInOsloTime() {
        CronTrigger trigger = new CronTrigger(ReconcileSchedule.toJakartaCron("0 0 2 * * ?"), ReconcileSchedule.OSLO);

        assertEquals(OSLO, trigger.getZoneId());
        assertEquals("2025-06-11T00:00:00Z",
                trigger.getNextRunTime(null, ZonedDateTime.of(2025, 6, 10, 12, 0, 0, 0, OSLO)).toInstant().toString());
    }
}
