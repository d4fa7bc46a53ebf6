package no.krr.person;

/**
 * {@code status} of a person in the register: AKTIV (registered), SLETTET (deleted from the
 * register) or IKKE_REGISTRERT (never registered).
 */
public enum Status { AKTIV, SLETTET, IKKE_REGISTRERT }
