package no.krr.reconcile;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.krr.person.PersonRecord;
import no.krr.person.RegisterTimestamps;
import no.krr.person.Spraak;
import no.krr.person.Status;
import no.krr.person.Varslingsstatus;

/**
 * Compares a stored person with the upstream register's answer and names every difference
 * (docs/api.md §4). Pure: the same two inputs always give the same findings.
 *
 * <p>Rules, including the ties:
 * <ul>
 * <li>Status first. If it differs, that is a STATUS_MISMATCH and nothing else is compared: the
 * repair takes upstream's record as a whole (clearing contact data when it is not AKTIV).</li>
 * <li>Languages are compared when both are AKTIV. If they differ, upstream wins when its
 * {@code spraak_oppdatert} is later than ours, equal to ours (the register is the record of
 * reference), or when ours has none; ours wins only when it is strictly later, or upstream has no
 * time while ours has one.</li>
 * <li>{@code varslingsstatus} is compared when upstream states one.</li>
 * </ul>
 */
public final class Classifier {

    private Classifier() {
    }

    public static List<Finding> classify(LocalSnapshot local, PersonRecord upstream) {
        List<Finding> findings = new ArrayList<>();
        if (local.status() != upstream.status()) {
            findings.add(new Finding(DiscrepancyKind.STATUS_MISMATCH, Optional.of(local.status().name()),
                    Optional.of(upstream.status().name())));
            return findings;
        }
        if (local.status() == Status.AKTIV && !local.spraak().equals(upstream.spraak())) {
            boolean upstreamNewer = upstreamIsNewer(local.spraakOppdatert(), upstream.spraakOppdatert());
            findings.add(new Finding(
                    upstreamNewer ? DiscrepancyKind.SPRAAK_UPSTREAM_NEWER : DiscrepancyKind.SPRAAK_LOCAL_NEWER,
                    describe(local.spraak(), local.spraakOppdatert()),
                    describe(upstream.spraak(), upstream.spraakOppdatert())));
        }
        if (upstream.varslingsstatus().isPresent() && !local.varslingsstatus().equals(upstream.varslingsstatus())) {
            findings.add(new Finding(DiscrepancyKind.VARSLINGSSTATUS_MISMATCH,
                    local.varslingsstatus().map(Varslingsstatus::name), upstream.varslingsstatus().map(Varslingsstatus::name)));
        }
        return findings;
    }

    static boolean upstreamIsNewer(Optional<OffsetDateTime> local, Optional<OffsetDateTime> upstream) {
        if (local.isEmpty()) {
            return true;
        }
        if (upstream.isEmpty()) {
            return false;
        }
        return !upstream.get().toInstant().isBefore(local.get().toInstant());
    }

    private static Optional<String> describe(Optional<Spraak> spraak, Optional<OffsetDateTime> oppdatert) {
        if (spraak.isEmpty() && oppdatert.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(spraak.map(Spraak::code).orElse("-")
                + oppdatert.map(t -> " (" + RegisterTimestamps.format(t) + ")").orElse(""));
    }
}
