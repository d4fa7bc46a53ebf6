package no.krr.person;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A person as the register describes it (docs/register.md §1), validated: the value an import line or an
 * upstream answer becomes before it touches the store.
 */
public record PersonRecord(
        NationalId personidentifikator,
        Status status,
        Optional<JaNei> reservasjon,
        Optional<OffsetDateTime> reservasjonstidspunkt,
        Optional<OffsetDateTime> reservasjonOppdatert,
        Optional<Varslingsstatus> varslingsstatus,
        Channel epost,
        Channel mobil,
        Optional<String> postkasseadresse,
        Optional<String> postkasseleverandoeradresse,
        Optional<String> sertifikat,
        Optional<Spraak> spraak,
        Optional<OffsetDateTime> spraakOppdatert) {

    /** One contact channel: the address or number, with its timestamps and duplicate flag. */
    public record Channel(Optional<String> value, Optional<OffsetDateTime> oppdatert,
                          Optional<OffsetDateTime> sistVerifisert, Optional<OffsetDateTime> sistValidert,
                          Optional<JaNei> duplisert) {
        public static final Channel NONE = new Channel(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /**
     * Copies this record onto a stored person, touching only what differs, so that storing the same
     * data again changes nothing (no new version). Field by field as {@link PersonFields} lists them:
     * timestamps are compared as instants and stored in UTC, so the result does not depend on the
     * offset a database hands back.
     *
     * @return whether anything changed
     */
    public boolean applyTo(Person p) {
        boolean changed = false;
        for (PersonFields.Field<?> field : PersonFields.ALL) {
            changed |= field.copy(this, p);
        }
        return changed;
    }
}
