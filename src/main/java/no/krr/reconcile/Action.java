package no.krr.reconcile;

/** What a run did about a discrepancy. */
public enum Action {
    /** Reported only (VERIFY, or a kind that has no repair). */
    NONE,
    /** RECONCILE took upstream's value. */
    UPDATED,
    /** RECONCILE kept ours (SPRAAK_LOCAL_NEWER). */
    KEPT_LOCAL,
    /** RECONCILE left the person alone: it changed after the run read it (a citizen's change wins). */
    SKIPPED_CHANGED,
    /**
     * RECONCILE would clear the person (upstream says SLETTET or IKKE_REGISTRERT) and held it back
     * to the end of the run: cleared then if the run's clearings stay within the deletion limit
     * ({@link DeletionGuard}), left alone otherwise.
     */
    HELD
}
