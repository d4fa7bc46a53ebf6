package no.krr.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.enterprise.concurrent.CronTrigger;
import jakarta.enterprise.concurrent.LastExecution;
import jakarta.enterprise.concurrent.ZonedTrigger;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
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

    // --- daylight-saving changes: 2026-03-29 02:00 does not exist in Oslo, 2026-10-25 02:00-03:00 happens twice

    /** The run times a trigger gives from {@code from} on, each next one sought after the last run. */
    static List<ZonedDateTime> runs(ZonedTrigger trigger, ZonedDateTime from, int count) {
        List<ZonedDateTime> runs = new ArrayList<>();
        ZonedDateTime next = trigger.getNextRunTime(null, from);
        while (runs.size() < count) {
            runs.add(next);
            ZonedDateTime scheduled = next;
            next = trigger.getNextRunTime(ranAt(scheduled), scheduled);
        }
        return runs;
    }

    static LastExecution ranAt(ZonedDateTime scheduled) {
        return new LastExecution() {
            public String getIdentityName() { return "reconcile"; }
            public Object getResult() { return null; }
            public ZonedDateTime getScheduledStart(ZoneId zone) { return scheduled.withZoneSameInstant(zone); }
            public ZonedDateTime getRunStart(ZoneId zone) { return getScheduledStart(zone); }
            public ZonedDateTime getRunEnd(ZoneId zone) { return getScheduledStart(zone).plusMinutes(5); }
        };
    }

    static List<String> instants(List<ZonedDateTime> runs) {
        return runs.stream().map(ZonedDateTime::toInstant).map(Instant::toString).toList();
    }

    ZonedTrigger schedule(String cron) {
        return new WallClockCronTrigger(ReconcileSchedule.toJakartaCron(cron), ReconcileSchedule.OSLO);
    }

    @Test
    void theSpringChangeDoesNotSkipTheRunAtTwo() {
        List<ZonedDateTime> runs = runs(schedule("0 0 2 * * ?"), ZonedDateTime.of(2026, 3, 27, 12, 0, 0, 0, OSLO), 4);

        // 03-28 02:00+01:00; 03-29 02:00 does not exist: 03:00+02:00, the first valid instant after the gap
        assertEquals(List.of("2026-03-28T01:00:00Z", "2026-03-29T01:00:00Z", "2026-03-30T00:00:00Z", "2026-03-31T00:00:00Z"),
                instants(runs));
        assertEquals(ZonedDateTime.of(2026, 3, 29, 3, 0, 0, 0, OSLO), runs.get(1));
    }

    @Test
    void aTimeInsideTheSpringGapMovesForwardByTheGap() {
        List<ZonedDateTime> runs = runs(schedule("0 30 2 * * ?"), ZonedDateTime.of(2026, 3, 28, 12, 0, 0, 0, OSLO), 2);

        assertEquals(List.of("2026-03-29T01:30:00Z", "2026-03-30T00:30:00Z"), instants(runs));
    }

    @Test
    void theAutumnChangeRunsOnceOnTheFirstOccurrence() {
        List<ZonedDateTime> runs = runs(schedule("0 0 2 * * ?"), ZonedDateTime.of(2026, 10, 23, 12, 0, 0, 0, OSLO), 4);

        // 10-25 02:00 happens at 00:00Z (+02:00) and again at 01:00Z (+01:00): only the first
        assertEquals(List.of("2026-10-24T00:00:00Z", "2026-10-25T00:00:00Z", "2026-10-26T01:00:00Z", "2026-10-27T01:00:00Z"),
                instants(runs));
    }

    @Test
    void aTimeInsideTheRepeatedHourRunsOnce() {
        List<ZonedDateTime> runs = runs(schedule("0 30 2 * * ?"), ZonedDateTime.of(2026, 10, 24, 12, 0, 0, 0, OSLO), 2);

        assertEquals(List.of("2026-10-25T00:30:00Z", "2026-10-26T01:30:00Z"), instants(runs));
    }

    @Test
    void startingInsideTheRepeatedHourAfterTheRunDoesNotRunAgain() {
        // the server starts at 02:10+01:00, the second 02:10, after the day's run at 02:00+02:00
        ZonedDateTime secondPass = ZonedDateTime.of(2026, 10, 25, 2, 10, 0, 0, OSLO).withLaterOffsetAtOverlap();

        assertEquals("2026-10-26T01:00:00Z",
                schedule("0 0 2 * * ?").getNextRunTime(null, secondPass).toInstant().toString());
    }

    @Test
    void aWeekdayScheduleIsReadOnTheWallClockToo() {
        assertEquals("2026-03-30T01:30:00Z", schedule("0 30 3 ? * MON")
                .getNextRunTime(null, ZonedDateTime.of(2026, 3, 28, 12, 0, 0, 0, OSLO)).toInstant().toString());
    }

    @Test
    void theWrapperKeepsTheZone() {
        assertEquals(OSLO, schedule("0 0 2 * * ?").getZoneId());
    }

    /** Why the wrapper: Jakarta Concurrency's CronTrigger in Oslo skips the spring day and runs twice in autumn. */
    @Test
    void thePlainCronTriggerSkipsInSpringAndDoublesInAutumn() {
        CronTrigger plain = new CronTrigger("0 0 2 * * *", OSLO);
        assertEquals(List.of("2026-03-28T01:00:00Z", "2026-03-30T00:00:00Z", "2026-03-31T00:00:00Z", "2026-04-01T00:00:00Z"),
                instants(runs(plain, ZonedDateTime.of(2026, 3, 27, 12, 0, 0, 0, OSLO), 4)));
        assertEquals(List.of("2026-10-24T00:00:00Z", "2026-10-25T00:00:00Z", "2026-10-25T01:00:00Z", "2026-10-26T01:00:00Z"),
                instants(runs(plain, ZonedDateTime.of(2026, 10, 23, 12, 0, 0, 0, OSLO), 4)));
    }
}
