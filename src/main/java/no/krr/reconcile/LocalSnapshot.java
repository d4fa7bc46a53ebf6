package no.krr.reconcile;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Optional;
import no.krr.person.Person;
import no.krr.person.Spraak;
import no.krr.person.Status;
import no.krr.person.Varslingsstatus;

/**
 * What a run read of a stored person: the values it compares, and the version it read, so that
 * a repair never overwrites a later change.
 */
public record LocalSnapshot(String personidentifikator, long version, Status status, Optional<Spraak> spraak,
                            Optional<OffsetDateTime> spraakOppdatert, Optional<Varslingsstatus> varslingsstatus)
        implements Serializable {

    public static LocalSnapshot of(Person p) {
        return new LocalSnapshot(p.id().value(), p.version(), p.status(), p.spraak(), p.spraakOppdatert(), p.varslingsstatus());
    }
}
