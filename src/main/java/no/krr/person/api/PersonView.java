package no.krr.person.api;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.StringWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.krr.person.NationalId;
import no.krr.person.Person;
import no.krr.person.PersonFields;
import no.krr.person.PersonFields.Section;
import no.krr.person.Status;
import no.krr.person.VarslingRule;
import no.krr.person.Varslingsstatus;
import no.krr.security.FieldGroup;

/**
 * The JSON body of {@code GET /rest/v1/person} (docs/register.md §1), filtered by the granted field
 * groups (§3).
 *
 * <p>The body is hashed for the ETag and signed as a JWS payload, so equal input must give equal
 * bytes. It is therefore written with a streaming {@link JsonGenerator} in the fixed member order
 * of docs/register.md §1 ({@link PersonFields}'s order), rather than through a {@code JsonObject},
 * whose iteration order the JSON-P specification does not promise. The generator is created without configuration, so output is
 * compact. Encode the returned string as UTF-8.
 *
 * <p>Members without a value, and objects without members, are omitted; null is never written.
 * Blank strings count as no value, as upstream uses "" for absent.
 *
 * <p>SLETTET and IKKE_REGISTRERT carry only personidentifikator, status and (when granted)
 * varslingsstatus, always KAN_IKKE_VARSLES. That includes no reservasjon and no spraak: the
 * person is not (or no longer) in the register, so whatever is still stored is not served.
 */
public final class PersonView {

    private static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());
    /** The sections a field group unlocks, in the register's member order (the order of this map). */
    private static final Map<Section, FieldGroup> GROUPS = new EnumMap<>(Map.of(
            Section.KONTAKTINFORMASJON, FieldGroup.KONTAKTINFORMASJON,
            Section.DIGITAL_POST, FieldGroup.DIGITAL_POST,
            Section.SERTIFIKAT, FieldGroup.SERTIFIKAT,
            Section.SPRAAK, FieldGroup.SPRAAK));

    private PersonView() {
    }

    /**
     * @param person the stored record, empty when the register has never known the id
     * @param id     the id asked for (the token's pid); must equal the record's id when present
     * @param groups the field groups the caller's scopes unlock
     * @param rule   decides the varslingsstatus served at this instant
     * @return compact JSON, deterministic for equal input
     * @throws IllegalArgumentException if the record belongs to another id
     */
    public static String json(Optional<Person> person, NationalId id, Set<FieldGroup> groups, VarslingRule rule) {
        person.ifPresent(p -> {
            if (!p.id().equals(id)) {
                // serving another person's record is the worst possible bug here: fail loudly
                throw new IllegalArgumentException("record " + p.id() + " does not belong to " + id);
            }
        });
        Optional<Person> aktiv = person.filter(p -> p.status() == Status.AKTIV);
        Status status = person.map(Person::status).orElse(Status.IKKE_REGISTRERT);

        StringWriter out = new StringWriter();
        try (JsonGenerator g = GENERATORS.createGenerator(out)) {
            g.writeStartObject();
            g.write("personidentifikator", id.value());
            aktiv.ifPresent(p -> write(g, members(p, Section.RESERVASJON)));
            g.write("status", status.name());
            if (groups.contains(FieldGroup.VARSLINGSSTATUS)) {
                g.write("varslingsstatus",
                        aktiv.map(rule::served).orElse(Varslingsstatus.KAN_IKKE_VARSLES).name());
            }
            aktiv.ifPresent(p -> writeGroups(g, p, groups));
            g.writeEnd();
        }
        return out.toString();
    }

    private static void writeGroups(JsonGenerator g, Person p, Set<FieldGroup> groups) {
        GROUPS.forEach((section, group) -> {
            if (groups.contains(group)) {
                List<Member> members = members(p, section);
                section.object().ifPresentOrElse(object -> writeObject(g, object, members), () -> write(g, members));
            }
        });
    }

    private record Member(String name, Optional<String> value) {
    }

    /** The section's members with a value; blank strings count as none. */
    private static List<Member> members(Person p, Section section) {
        return PersonFields.of(section).stream()
                .map(field -> new Member(field.name(), field.served(p).filter(v -> !v.isBlank())))
                .filter(m -> m.value().isPresent())
                .toList();
    }

    private static void write(JsonGenerator g, List<Member> members) {
        members.forEach(m -> g.write(m.name(), m.value().orElseThrow()));
    }

    private static void writeObject(JsonGenerator g, String name, List<Member> members) {
        if (!members.isEmpty()) {
            g.writeStartObject(name);
            write(g, members);
            g.writeEnd();
        }
    }
}
