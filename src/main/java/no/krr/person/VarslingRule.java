package no.krr.person;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The 18-month rule (eForvaltningsforskriften §32, docs/register.md §2): contact data that has not been
 * updated or confirmed in the last 18 months must not be used to notify the person.
 *
 * <p>A channel (e-mail or mobile) is fresh while {@code max(_oppdatert, _sist_verifisert)} is
 * strictly later than now minus 18 calendar months, counted in Europe/Oslo. Months are counted
 * on the Oslo calendar because that is the calendar the regulation and the register speak;
 * counting in UTC would shift the boundary by an hour or two around midnight and across DST.
 * {@code _sist_validert} does not count: a one-time-code validation is not the person updating
 * or confirming the data.
 *
 * <p>Absent {@code reservasjon} is treated as "not known to be NEI", i.e. KAN_IKKE_VARSLES, even
 * for AKTIV. The import requires reservasjon for AKTIV, so this only bites on broken data, and
 * then notifying a person who may have reserved is the worse mistake.
 *
 * <p>The clock is injected so tests (and the reconciliation job) can move time; only its
 * instant is used, never its zone.
 */
public final class VarslingRule {

    private static final int MONTHS = 18;

    private final Clock clock;

    public VarslingRule(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The rule alone, evaluated now, ignoring the stored varslingsstatus. */
    public Varslingsstatus evaluate(Person p) {
        return mayNotify(p, freshnessCutoff()) ? Varslingsstatus.KAN_VARSLES : Varslingsstatus.KAN_IKKE_VARSLES;
    }

    /**
     * What the API serves (our rule, docs/register.md §2): KAN_VARSLES only when the register last said
     * so and the rule still agrees now. Data ages without any write, so the rule may lower the
     * stored value; it never raises it, since only the register may decide a person can be
     * notified (e.g. it knows about a reservation we have not synced yet).
     */
    public Varslingsstatus served(Person p) {
        boolean stored = p.varslingsstatus().filter(Varslingsstatus.KAN_VARSLES::equals).isPresent();
        return stored && evaluate(p) == Varslingsstatus.KAN_VARSLES
                ? Varslingsstatus.KAN_VARSLES
                : Varslingsstatus.KAN_IKKE_VARSLES;
    }

    /** Whether the e-mail channel may be used now. */
    public boolean epostFresh(Person p) {
        return fresh(p.epostadresse(), p.epostadresseOppdatert(), p.epostadresseSistVerifisert(), freshnessCutoff());
    }

    /** Whether the mobile channel may be used now. */
    public boolean mobilFresh(Person p) {
        return fresh(p.mobiltelefonnummer(), p.mobiltelefonnummerOppdatert(), p.mobiltelefonnummerSistVerifisert(),
                freshnessCutoff());
    }

    /**
     * Now minus 18 months on the Oslo calendar: a channel last touched at or before this instant
     * is stale. Exposed so a batch job can select stale rows in one query.
     */
    public Instant freshnessCutoff() {
        return clock.instant().atZone(RegisterTimestamps.OSLO).minusMonths(MONTHS).toInstant();
    }

    private static boolean mayNotify(Person p, Instant cutoff) {
        if (p.status() != Status.AKTIV || p.reservasjon().filter(JaNei.NEI::equals).isEmpty()) {
            return false;
        }
        return fresh(p.epostadresse(), p.epostadresseOppdatert(), p.epostadresseSistVerifisert(), cutoff)
                || fresh(p.mobiltelefonnummer(), p.mobiltelefonnummerOppdatert(), p.mobiltelefonnummerSistVerifisert(),
                        cutoff);
    }

    private static boolean fresh(Optional<String> address, Optional<OffsetDateTime> oppdatert,
                                 Optional<OffsetDateTime> sistVerifisert, Instant cutoff) {
        if (address.filter(a -> !a.isBlank()).isEmpty()) {
            return false; // nothing to notify through, however recent the timestamps
        }
        return Stream.of(oppdatert, sistVerifisert)
                .flatMap(Optional::stream)
                .map(OffsetDateTime::toInstant)
                .anyMatch(t -> t.isAfter(cutoff));
    }
}
