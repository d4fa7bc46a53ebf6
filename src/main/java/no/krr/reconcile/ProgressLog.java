package no.krr.reconcile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import no.krr.admin.Progress;

/** Logs a run's progress at a calm interval (at most every 15 seconds), whatever the chunk rate. */
@ApplicationScoped
public class ProgressLog {

    static final Duration INTERVAL = Duration.ofSeconds(15);
    private static final Logger LOG = Logger.getLogger(ProgressLog.class.getName());

    private final ConcurrentHashMap<Long, Instant> lastLogged = new ConcurrentHashMap<>();

    @Inject
    ReconcileStore store;

    @Inject
    Clock clock;

    void chunkDone(long runId) {
        Instant now = clock.instant();
        Instant last = lastLogged.putIfAbsent(runId, now);
        if (last == null || now.isBefore(last.plus(INTERVAL)) || !lastLogged.replace(runId, last, now)) {
            return;
        }
        store.run(runId).ifPresent(run -> {
            long checked = store.checked(runId);
            Progress progress = new Progress(checked, run.total(), checked - run.checkedAtResume(),
                    Duration.between(run.resumedAt().toInstant(), now));
            LOG.info(() -> String.format("Reconciliation run %d (%s): %d of %d persons checked (%.1f%%), %.0f/s, about %s s left",
                    runId, run.mode(), checked, run.total(), progress.percent(), progress.perSecond(),
                    progress.etaSeconds().isPresent() ? Long.toString(progress.etaSeconds().getAsLong()) : "?"));
        });
    }

    void forget(long runId) {
        lastLogged.remove(runId);
    }
}
