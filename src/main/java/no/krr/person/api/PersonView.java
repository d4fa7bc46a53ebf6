package no.krr.person.api;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
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
 * compact. {@link #bytes} writes UTF-8 straight into the bytes that are hashed and sent, one copy
 * of the body instead of three (a writer, a string, its encoding): this runs on every GET.
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
        return new String(bytes(person, id, groups, rule), StandardCharsets.UTF_8);
    }

    /** The same body as {@link #json}, as its UTF-8 bytes. */
    public static byte[] bytes(Optional<Person> person, NationalId id, Set<FieldGroup> groups, VarslingRule rule) {
        person.ifPresent(p -> {
            if (!p.id().equals(id)) {
                // serving another person's record is the worst possible bug here: fail loudly
                throw new IllegalArgumentException("record " + p.id() + " does not belong to " + id);
            }
        });
        Optional<Person> aktiv = person.filter(p -> p.status() == Status.AKTIV);
        Status status = person.map(Person::status).orElse(Status.IKKE_REGISTRERT);

        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = GENERATORS.createGenerator(out, StandardCharsets.UTF_8)) {
            g.writeStartObject();
            g.write("personidentifikator", id.value());
            aktiv.ifPresent(p -> writeMembers(g, p, Section.RESERVASJON));
            g.write("status", status.name());
            if (groups.contains(FieldGroup.VARSLINGSSTATUS)) {
                g.write("varslingsstatus",
                        aktiv.map(rule::served).orElse(Varslingsstatus.KAN_IKKE_VARSLES).name());
            }
            aktiv.ifPresent(p -> writeGroups(g, p, groups));
            g.writeEnd();
        }
        return out.toByteArray();
    }

    private static void writeGroups(JsonGenerator g, Person p, Set<FieldGroup> groups) {
        GROUPS.forEach((section, group) -> {
            if (groups.contains(group)) {
                writeMembers(g, p, section);
            }
        });
    }

    /**
     * The section's members that have a value (blank strings count as none), inside the section's
     * object when it has one; the object is opened at its first member, so an empty one is omitted.
     */
    private static void writeMembers(JsonGenerator g, Person p, Section section) {
        boolean opened = false;
        for (PersonFields.Field<?> field : PersonFields.of(section)) {
            Optional<String> value = field.served(p).filter(v -> !v.isBlank());
            if (value.isEmpty()) {
                continue;
            }
            if (!opened && section.object().isPresent()) {
                g.writeStartObject(section.object().get());
            }
            opened = true;
            g.write(field.name(), value.get());
        }
        if (opened && section.object().isPresent()) {
            g.writeEnd();
        }
    }
}
