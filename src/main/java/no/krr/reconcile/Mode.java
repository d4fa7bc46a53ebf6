package no.krr.reconcile;

/** VERIFY reports differences and changes no person; RECONCILE also repairs them (docs/api.md §4). */
public enum Mode { VERIFY, RECONCILE }
