package no.krr.reconcile;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import no.krr.admin.StartedBy;

/**
 * Starts the scheduled reconciliation ({@code krr.reconcile.schedule}, a cron expression in Oslo
 * time, or {@code off}) in mode {@code krr.reconcile.mode}. The expression is read on Oslo's wall
 * clock ({@link WallClockCronTrigger}): once a day across daylight-saving changes. Every instance of a cluster schedules
 * it; the run lock lets exactly one of them run it.
 */
@ApplicationScoped
public class ReconcileSchedule {

    private static final Logger LOG = Logger.getLogger(ReconcileSchedule.class.getName());
    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    ReconcileSettings settings;

    @Inject
    Reconciliations reconciliations;

    @Inject
    Clock clock;

    private ScheduledFuture<?> scheduled;

    /**
     * The schedule as an operator reads it: the expression, the mode, and the next start after now
     * (empty when the schedule is {@code off}).
     */
    public record Plan(String expression, Mode mode, Optional<Instant> next) {
    }

    public Plan plan() {
        String cron = settings.schedule();
        Optional<Instant> next = isOff(cron) ? Optional.empty()
                : Optional.ofNullable(trigger(cron).getNextRunTime(null, clock.instant().atZone(OSLO)))
                        .map(ZonedDateTime::toInstant);
        return new Plan(cron, settings.scheduledMode(), next);
    }

    private static boolean isOff(String cron) {
        return cron.equalsIgnoreCase("off");
    }

    private static WallClockCronTrigger trigger(String cron) {
        return new WallClockCronTrigger(toJakartaCron(cron), OSLO);
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        String cron = settings.schedule();
        if (isOff(cron)) {
            LOG.info("Scheduled reconciliation is off (krr.reconcile.schedule=off)");
            return;
        }
        Mode mode = settings.scheduledMode();
        scheduled = scheduler.schedule(() -> run(mode), trigger(cron));
        LOG.info(() -> "Scheduled reconciliation (" + mode + ") at '" + cron + "' Europe/Oslo");
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object ignored) {
        if (scheduled != null) {
            scheduled.cancel(false);
        }
    }

    /** One scheduled start: no token, no operator; the run records {@code startedBy=schedule}. */
    void run(Mode mode) {
        try {
            reconciliations.start(mode, java.util.OptionalLong.empty(), "schedule", StartedBy.SCHEDULE);
        } catch (Reconciliations.AlreadyRunning e) {
            LOG.info(() -> "Scheduled reconciliation not started: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Scheduled reconciliation failed to start", e);
        }
    }

    /** EJB/Quartz style ({@code 0 0 2 * * ?}) to Jakarta Concurrency's, which has no {@code ?}. */
    static String toJakartaCron(String cron) {
        return cron.trim().replace('?', '*');
    }
}
