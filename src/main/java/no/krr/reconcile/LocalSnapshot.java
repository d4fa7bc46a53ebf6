package no.krr.reconcile;

import java.time.OffsetDateTime;
import java.util.Optional;
import no.krr.person.NationalId;
import no.krr.person.Person;
import no.krr.person.Spraak;
import no.krr.person.Status;
import no.krr.person.Varslingsstatus;

/**
 * What a run read of a stored person: the values it compares, and the version it read, so that
 * a repair never overwrites a later change. A chunk's item; the batch runtime keeps items in
 * memory and checkpoints only the reader's last id, so this is not serialised.
 */
public record LocalSnapshot(NationalId personidentifikator, long version, Status status, Optional<Spraak> spraak,
                            Optional<OffsetDateTime> spraakOppdatert, Optional<Varslingsstatus> varslingsstatus) {

    public static LocalSnapshot of(Person p) {
        return new LocalSnapshot(p.id(), p.version(), p.status(), p.spraak(), p.spraakOppdatert(), p.varslingsstatus());
    }
}
