package no.krr.reconcile;

import jakarta.enterprise.concurrent.CronTrigger;
import jakarta.enterprise.concurrent.LastExecution;
import jakarta.enterprise.concurrent.ZonedTrigger;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * A cron schedule read on the wall clock of a zone, so that a daily run fires exactly once a day
 * across daylight-saving changes. The cron expression is evaluated on local date-times (through a
 * {@link CronTrigger} in UTC, which has no transitions), and the local time found is then placed in
 * the zone: a time that does not exist (the spring gap, 02:00–03:00 in Oslo) moves forward by the
 * length of the gap (02:00 runs at 03:00, 02:30 at 03:30), and a time that happens twice (the autumn
 * overlap) is the first of the two. The next run is sought after the wall-clock time of the last
 * one, so the repeated hour cannot match again.
 */
public final class WallClockCronTrigger implements ZonedTrigger {

    private final CronTrigger onWallClock;
    private final ZoneId zone;

    public WallClockCronTrigger(String cron, ZoneId zone) {
        this.onWallClock = new CronTrigger(cron, ZoneOffset.UTC);
        this.zone = zone;
    }

    @Override
    public ZonedDateTime getNextRunTime(LastExecution lastExecution, ZonedDateTime taskScheduledTime) {
        ZonedDateTime after = lastExecution != null && lastExecution.getScheduledStart(zone) != null
                ? lastExecution.getScheduledStart(zone) : taskScheduledTime;
        LocalDateTime wall = after.withZoneSameInstant(zone).toLocalDateTime();
        ZonedDateTime next = onWallClock.getNextRunTime(null, wall.atZone(ZoneOffset.UTC));
        if (next != null && !next.toLocalDateTime().isAfter(wall)) {
            next = onWallClock.getNextRunTime(null, wall.plusSeconds(1).atZone(ZoneOffset.UTC));
        }
        return next == null ? null : ZonedDateTime.ofLocal(next.toLocalDateTime(), zone, null);
    }

    @Override
    public ZoneId getZoneId() {
        return zone;
    }
}
