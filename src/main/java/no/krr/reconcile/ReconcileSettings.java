package no.krr.reconcile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The batch verifier's settings (docs/api.md §4, plus the error budget and the lock's patience). */
@ApplicationScoped
public class ReconcileSettings {

    @Inject
    @ConfigProperty(name = "krr.reconcile.partitions", defaultValue = "4")
    int partitions;

    @Inject
    @ConfigProperty(name = "krr.reconcile.batch-size", defaultValue = "1000")
    int batchSize;

    @Inject
    @ConfigProperty(name = "krr.reconcile.error-budget", defaultValue = "5000")
    long errorBudget;

    @Inject
    @ConfigProperty(name = "krr.reconcile.max-deletions", defaultValue = "500")
    long maxDeletions;

    @Inject
    @ConfigProperty(name = "krr.reconcile.lock-stale-after", defaultValue = "PT5M")
    String lockStaleAfter;

    @Inject
    @ConfigProperty(name = "krr.reconcile.schedule", defaultValue = "0 0 2 * * ?")
    String schedule;

    @Inject
    @ConfigProperty(name = "krr.reconcile.mode", defaultValue = "RECONCILE")
    String mode;

    public int partitions() {
        if (partitions < 1 || partitions > 64) {
            throw new IllegalStateException("krr.reconcile.partitions must be 1..64, is " + partitions);
        }
        return partitions;
    }

    public int batchSize() {
        if (batchSize < 1 || batchSize > 1000) {
            throw new IllegalStateException("krr.reconcile.batch-size must be 1..1000, is " + batchSize);
        }
        return batchSize;
    }

    public long errorBudget() {
        return errorBudget;
    }

    /** The accidental-deletion threshold ({@link DeletionGuard}). */
    public long maxDeletions() {
        if (maxDeletions < 0) {
            throw new IllegalStateException("krr.reconcile.max-deletions must not be negative, is " + maxDeletions);
        }
        return maxDeletions;
    }

    public Duration lockStaleAfter() {
        return Duration.parse(lockStaleAfter);
    }

    public String schedule() {
        return schedule.trim();
    }

    public Mode scheduledMode() {
        return Mode.valueOf(mode.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
