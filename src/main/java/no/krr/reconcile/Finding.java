package no.krr.reconcile;

import java.util.Optional;

/** One discrepancy found for a person: its kind and the two values, as text for the report. */
public record Finding(DiscrepancyKind kind, Optional<String> local, Optional<String> upstream) {
}
