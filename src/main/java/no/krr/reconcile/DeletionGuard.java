package no.krr.reconcile;

import java.util.OptionalLong;

/**
 * The accidental-deletion threshold of a RECONCILE run. A repair that would clear a person (upstream
 * says SLETTET or IKKE_REGISTRERT, so the contact data goes) is held back until the run has seen
 * every person; then all held clearings are applied if there are at most the limit, and none of
 * them otherwise. The limit is {@code krr.reconcile.max-deletions} (500, the threshold that
 * directory-sync tools use), or the {@code allowDeletions} of the run's request, given by an
 * operator who has checked the list: a wrong upstream URL that answers IKKE_REGISTRERT for everyone
 * must not wipe the register. Which repairs clear a person is {@link PersonVerdict}'s rule.
 */
public record DeletionGuard(long maxDeletions, OptionalLong allowDeletions) {

    public DeletionGuard {
        if (maxDeletions < 0 || allowDeletions.isPresent() && allowDeletions.getAsLong() < 0) {
            throw new IllegalArgumentException("deletion limits are never negative");
        }
    }

    public long limit() {
        return allowDeletions.orElse(maxDeletions);
    }

    public boolean allows(long clearings) {
        return clearings <= limit();
    }

    /** The run's failure when the held clearings exceed the limit: how many, and how to go on. */
    public String refusal(long clearings) {
        String limitSays = allowDeletions.isPresent()
                ? "allowDeletions " + limit() + " of this run"
                : "krr.reconcile.max-deletions (" + limit() + ")";
        return clearings + " persons would be cleared (upstream says SLETTET or IKKE_REGISTRERT), more than "
                + limitSays + ": none was cleared, every other repair was applied. Check them (findings with action "
                + "HELD) and, if they are right, start {\"mode\":\"RECONCILE\",\"allowDeletions\":" + clearings + "}.";
    }
}
