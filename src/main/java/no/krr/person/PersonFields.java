package no.krr.person;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The register's fields of a person (docs/register.md §1), one row each, in the member order of
 * the register's JSON: what a stored {@link Person} and a {@link PersonRecord} hold of it, and how
 * it is written. The copy from a record to the store ({@link PersonRecord#applyTo}), the audited
 * values ({@link AuditedFields}), the served body ({@code person.api.PersonView}) and the member
 * names the reader accepts ({@link PersonJsonReader}) all go through this table, so a field added
 * here is copied, audited, served and read alike. The national id is the person's key, not a row.
 */
public final class PersonFields {

    /** Where a field sits in the register's JSON, and which field group of the user API serves it. */
    public enum Section {
        RESERVASJON(Optional.empty()),
        STATUS(Optional.empty()),
        VARSLINGSSTATUS(Optional.empty()),
        KONTAKTINFORMASJON(Optional.of("kontaktinformasjon")),
        DIGITAL_POST(Optional.of("digital_post")),
        SERTIFIKAT(Optional.empty()),
        SPRAAK(Optional.empty());

        private final Optional<String> object;

        Section(Optional<String> object) {
            this.object = object;
        }

        /** The JSON object the section's members are nested in, when they are. */
        public Optional<String> object() {
            return object;
        }
    }

    /**
     * One field: its JSON name and section, where a stored person and a record keep it, how it is
     * written when served and when audited, and when two values are the same.
     */
    public record Field<T>(String name, Section section, Function<Person, Optional<T>> stored,
                           Function<PersonRecord, Optional<T>> incoming, BiConsumer<Person, T> store,
                           Function<T, String> served, Function<T, String> audited,
                           BiPredicate<T, T> same, UnaryOperator<T> storedForm) {

        /** The stored value as the user API writes it. */
        public Optional<String> served(Person person) {
            return stored.apply(person).map(served);
        }

        /** The stored value as the audit trail writes it. */
        public Optional<String> audited(Person person) {
            return stored.apply(person).map(audited);
        }

        /** Copies the record's value onto the person when it differs; whether it did. */
        boolean copy(PersonRecord from, Person to) {
            T now = stored.apply(to).orElse(null);
            T wanted = incoming.apply(from).map(storedForm).orElse(null);
            boolean unchanged = now == null ? wanted == null : wanted != null && same.test(now, wanted);
            if (!unchanged) {
                store.accept(to, wanted);
            }
            return !unchanged;
        }
    }

    /** Every field, in the register's member order. */
    public static final List<Field<?>> ALL = List.of(
            code("reservasjon", Section.RESERVASJON, Person::reservasjon, PersonRecord::reservasjon, Person::reservasjon, JaNei::name),
            time("reservasjonstidspunkt", Section.RESERVASJON, Person::reservasjonstidspunkt, PersonRecord::reservasjonstidspunkt,
                    Person::reservasjonstidspunkt),
            time("reservasjon_oppdatert", Section.RESERVASJON, Person::reservasjonOppdatert, PersonRecord::reservasjonOppdatert,
                    Person::reservasjonOppdatert),
            code("status", Section.STATUS, p -> Optional.ofNullable(p.status()), r -> Optional.of(r.status()), Person::status,
                    Status::name),
            code("varslingsstatus", Section.VARSLINGSSTATUS, Person::varslingsstatus, PersonRecord::varslingsstatus,
                    Person::varslingsstatus, Varslingsstatus::name),
            text("epostadresse", Section.KONTAKTINFORMASJON, Person::epostadresse, r -> r.epost().value(), Person::epostadresse),
            time("epostadresse_oppdatert", Section.KONTAKTINFORMASJON, Person::epostadresseOppdatert, r -> r.epost().oppdatert(),
                    Person::epostadresseOppdatert),
            time("epostadresse_sist_verifisert", Section.KONTAKTINFORMASJON, Person::epostadresseSistVerifisert,
                    r -> r.epost().sistVerifisert(), Person::epostadresseSistVerifisert),
            time("epostadresse_sist_validert", Section.KONTAKTINFORMASJON, Person::epostadresseSistValidert,
                    r -> r.epost().sistValidert(), Person::epostadresseSistValidert),
            code("epostadresse_duplisert", Section.KONTAKTINFORMASJON, Person::epostadresseDuplisert, r -> r.epost().duplisert(),
                    Person::epostadresseDuplisert, JaNei::name),
            text("mobiltelefonnummer", Section.KONTAKTINFORMASJON, Person::mobiltelefonnummer, r -> r.mobil().value(),
                    Person::mobiltelefonnummer),
            time("mobiltelefonnummer_oppdatert", Section.KONTAKTINFORMASJON, Person::mobiltelefonnummerOppdatert,
                    r -> r.mobil().oppdatert(), Person::mobiltelefonnummerOppdatert),
            time("mobiltelefonnummer_sist_verifisert", Section.KONTAKTINFORMASJON, Person::mobiltelefonnummerSistVerifisert,
                    r -> r.mobil().sistVerifisert(), Person::mobiltelefonnummerSistVerifisert),
            time("mobiltelefonnummer_sist_validert", Section.KONTAKTINFORMASJON, Person::mobiltelefonnummerSistValidert,
                    r -> r.mobil().sistValidert(), Person::mobiltelefonnummerSistValidert),
            code("mobiltelefonnummer_duplisert", Section.KONTAKTINFORMASJON, Person::mobiltelefonnummerDuplisert,
                    r -> r.mobil().duplisert(), Person::mobiltelefonnummerDuplisert, JaNei::name),
            text("postkasseadresse", Section.DIGITAL_POST, Person::postkasseadresse, PersonRecord::postkasseadresse,
                    Person::postkasseadresse),
            text("postkasseleverandoeradresse", Section.DIGITAL_POST, Person::postkasseleverandoeradresse,
                    PersonRecord::postkasseleverandoeradresse, Person::postkasseleverandoeradresse),
            // the audit column holds 320 characters, not a certificate; its content is public anyway
            new Field<>("sertifikat", Section.SERTIFIKAT, Person::sertifikat, PersonRecord::sertifikat, Person::sertifikat,
                    Function.identity(), s -> "(" + s.length() + " characters)", Objects::equals, UnaryOperator.identity()),
            code("spraak", Section.SPRAAK, Person::spraak, PersonRecord::spraak, Person::spraak, Spraak::code),
            time("spraak_oppdatert", Section.SPRAAK, Person::spraakOppdatert, PersonRecord::spraakOppdatert, Person::spraakOppdatert));

    private PersonFields() {
    }

    // asked for on every GET: computed once
    private static final Map<Section, List<Field<?>>> BY_SECTION = bySection();

    /** The fields of a section, in the register's order. */
    public static List<Field<?>> of(Section section) {
        return BY_SECTION.get(section);
    }

    private static Map<Section, List<Field<?>>> bySection() {
        Map<Section, List<Field<?>>> sections = new EnumMap<>(Section.class);
        for (Section section : Section.values()) {
            sections.put(section, ALL.stream().filter(f -> f.section() == section).toList());
        }
        return sections;
    }

    private static Field<String> text(String name, Section section, Function<Person, Optional<String>> stored,
                                      Function<PersonRecord, Optional<String>> incoming, BiConsumer<Person, String> store) {
        return new Field<>(name, section, stored, incoming, store, Function.identity(), Function.identity(), Objects::equals,
                UnaryOperator.identity());
    }

    private static <T> Field<T> code(String name, Section section, Function<Person, Optional<T>> stored,
                                     Function<PersonRecord, Optional<T>> incoming, BiConsumer<Person, T> store,
                                     Function<T, String> code) {
        return new Field<>(name, section, stored, incoming, store, code, code, Objects::equals, UnaryOperator.identity());
    }

    /**
     * A timestamp: served in the register's format, audited as an instant, compared as an instant
     * and stored in UTC, so that neither the result nor the audit depends on the offset a database
     * hands back.
     */
    private static Field<OffsetDateTime> time(String name, Section section, Function<Person, Optional<OffsetDateTime>> stored,
                                              Function<PersonRecord, Optional<OffsetDateTime>> incoming,
                                              BiConsumer<Person, OffsetDateTime> store) {
        return new Field<>(name, section, stored, incoming, store, RegisterTimestamps::format, t -> t.toInstant().toString(),
                (a, b) -> a.toInstant().equals(b.toInstant()), t -> t.withOffsetSameInstant(ZoneOffset.UTC));
    }
}
