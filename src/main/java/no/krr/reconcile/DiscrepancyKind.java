package no.krr.reconcile;

/** The kinds of difference between a stored person and the upstream register (docs/api.md §4). */
public enum DiscrepancyKind {
    /** Languages differ and upstream's change is later (or ours has no time): take upstream's. */
    SPRAAK_UPSTREAM_NEWER,
    /** Languages differ and our change is later: keep ours, it has not reached the register yet. */
    SPRAAK_LOCAL_NEWER,
    /** The stored varslingsstatus differs from upstream's: take upstream's. */
    VARSLINGSSTATUS_MISMATCH,
    /** The status differs: take upstream's, and clear contact data when it is not AKTIV. */
    STATUS_MISMATCH,
    /** Upstream failed for the person after the retries: nothing done, the next run checks again. */
    UPSTREAM_ERROR
}
