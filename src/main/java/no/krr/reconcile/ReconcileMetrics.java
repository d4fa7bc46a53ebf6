package no.krr.reconcile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The batch verifier's counts at {@code /metrics} (application scope), per instance since it
 * started. Labels are the discrepancy kind and action only: never a national id.
 */
@ApplicationScoped
public class ReconcileMetrics {

    @Inject
    MetricRegistry registry;

    void checked(long persons) {
        registry.counter("krr_reconcile_checked").inc(persons);
    }

    void found(DiscrepancyKind kind, Action action) {
        registry.counter("krr_reconcile_discrepancies", new Tag("kind", kind.name())).inc();
        if (kind == DiscrepancyKind.UPSTREAM_ERROR) {
            registry.counter("krr_reconcile_upstream_errors").inc();
        }
        if (action == Action.UPDATED) {
            registry.counter("krr_reconcile_corrected").inc();
        }
    }
}
