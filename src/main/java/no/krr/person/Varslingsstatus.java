package no.krr.person;

/**
 * {@code varslingsstatus}: whether the contact data may be used to notify the person
 * (KAN_VARSLES) or not (KAN_IKKE_VARSLES), see the 18-month rule in {@link VarslingRule}.
 */
public enum Varslingsstatus { KAN_VARSLES, KAN_IKKE_VARSLES }
