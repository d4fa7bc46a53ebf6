package no.krr.person;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

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
     * data again changes nothing (no new version). Timestamps are compared as instants and stored in
     * UTC, so the result does not depend on the offset a database hands back.
     *
     * @return whether anything changed
     */
    public boolean applyTo(Person p) {
        Changes c = new Changes();
        c.set(p::status, p::status, status);
        c.set(() -> p.reservasjon().orElse(null), p::reservasjon, reservasjon.orElse(null));
        c.time(() -> p.reservasjonstidspunkt().orElse(null), p::reservasjonstidspunkt, reservasjonstidspunkt);
        c.time(() -> p.reservasjonOppdatert().orElse(null), p::reservasjonOppdatert, reservasjonOppdatert);
        c.set(() -> p.varslingsstatus().orElse(null), p::varslingsstatus, varslingsstatus.orElse(null));
        c.set(() -> p.epostadresse().orElse(null), p::epostadresse, epost.value().orElse(null));
        c.time(() -> p.epostadresseOppdatert().orElse(null), p::epostadresseOppdatert, epost.oppdatert());
        c.time(() -> p.epostadresseSistVerifisert().orElse(null), p::epostadresseSistVerifisert, epost.sistVerifisert());
        c.time(() -> p.epostadresseSistValidert().orElse(null), p::epostadresseSistValidert, epost.sistValidert());
        c.set(() -> p.epostadresseDuplisert().orElse(null), p::epostadresseDuplisert, epost.duplisert().orElse(null));
        c.set(() -> p.mobiltelefonnummer().orElse(null), p::mobiltelefonnummer, mobil.value().orElse(null));
        c.time(() -> p.mobiltelefonnummerOppdatert().orElse(null), p::mobiltelefonnummerOppdatert, mobil.oppdatert());
        c.time(() -> p.mobiltelefonnummerSistVerifisert().orElse(null), p::mobiltelefonnummerSistVerifisert, mobil.sistVerifisert());
        c.time(() -> p.mobiltelefonnummerSistValidert().orElse(null), p::mobiltelefonnummerSistValidert, mobil.sistValidert());
        c.set(() -> p.mobiltelefonnummerDuplisert().orElse(null), p::mobiltelefonnummerDuplisert, mobil.duplisert().orElse(null));
        c.set(() -> p.postkasseadresse().orElse(null), p::postkasseadresse, postkasseadresse.orElse(null));
        c.set(() -> p.postkasseleverandoeradresse().orElse(null), p::postkasseleverandoeradresse, postkasseleverandoeradresse.orElse(null));
        c.set(() -> p.sertifikat().orElse(null), p::sertifikat, sertifikat.orElse(null));
        c.set(() -> p.spraak().orElse(null), p::spraak, spraak.orElse(null));
        c.time(() -> p.spraakOppdatert().orElse(null), p::spraakOppdatert, spraakOppdatert);
        return c.changed;
    }

    private static final class Changes {
        boolean changed;

        <T> void set(Supplier<T> current, Consumer<T> setter, T wanted) {
            if (!Objects.equals(current.get(), wanted)) {
                setter.accept(wanted);
                changed = true;
            }
        }

        void time(Supplier<OffsetDateTime> current, Consumer<OffsetDateTime> setter, Optional<OffsetDateTime> wanted) {
            OffsetDateTime now = current.get();
            OffsetDateTime utc = wanted.map(t -> t.withOffsetSameInstant(ZoneOffset.UTC)).orElse(null);
            boolean same = now == null ? utc == null : utc != null && now.toInstant().equals(utc.toInstant());
            if (!same) {
                setter.accept(utc);
                changed = true;
            }
        }
    }
}
