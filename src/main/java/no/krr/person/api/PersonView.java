package no.krr.person.api;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.krr.person.JaNei;
import no.krr.person.NationalId;
import no.krr.person.Person;
import no.krr.person.RegisterTimestamps;
import no.krr.person.Spraak;
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
 * of docs/register.md §1, rather than through a {@code JsonObject}, whose iteration order the JSON-P
 * specification does not promise. The generator is created without configuration, so output is
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
            aktiv.ifPresent(p -> write(g, List.of(
                    member("reservasjon", p.reservasjon().map(JaNei::name)),
                    timestamp("reservasjonstidspunkt", p.reservasjonstidspunkt()),
                    timestamp("reservasjon_oppdatert", p.reservasjonOppdatert()))));
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
        if (groups.contains(FieldGroup.KONTAKTINFORMASJON)) {
            writeObject(g, "kontaktinformasjon", List.of(
                    member("epostadresse", p.epostadresse()),
                    timestamp("epostadresse_oppdatert", p.epostadresseOppdatert()),
                    timestamp("epostadresse_sist_verifisert", p.epostadresseSistVerifisert()),
                    timestamp("epostadresse_sist_validert", p.epostadresseSistValidert()),
                    member("epostadresse_duplisert", p.epostadresseDuplisert().map(JaNei::name)),
                    member("mobiltelefonnummer", p.mobiltelefonnummer()),
                    timestamp("mobiltelefonnummer_oppdatert", p.mobiltelefonnummerOppdatert()),
                    timestamp("mobiltelefonnummer_sist_verifisert", p.mobiltelefonnummerSistVerifisert()),
                    timestamp("mobiltelefonnummer_sist_validert", p.mobiltelefonnummerSistValidert()),
                    member("mobiltelefonnummer_duplisert", p.mobiltelefonnummerDuplisert().map(JaNei::name))));
        }
        if (groups.contains(FieldGroup.DIGITAL_POST)) {
            writeObject(g, "digital_post", List.of(
                    member("postkasseadresse", p.postkasseadresse()),
                    member("postkasseleverandoeradresse", p.postkasseleverandoeradresse())));
        }
        if (groups.contains(FieldGroup.SERTIFIKAT)) {
            write(g, List.of(member("sertifikat", p.sertifikat())));
        }
        if (groups.contains(FieldGroup.SPRAAK)) {
            write(g, List.of(
                    member("spraak", p.spraak().map(Spraak::code)),
                    timestamp("spraak_oppdatert", p.spraakOppdatert())));
        }
    }

    private record Member(String name, Optional<String> value) {
    }

    private static Member member(String name, Optional<String> value) {
        return new Member(name, value.filter(v -> !v.isBlank()));
    }

    private static Member timestamp(String name, Optional<OffsetDateTime> value) {
        return new Member(name, value.map(RegisterTimestamps::format));
    }

    private static void write(JsonGenerator g, List<Member> members) {
        members.forEach(m -> m.value().ifPresent(v -> g.write(m.name(), v)));
    }

    private static void writeObject(JsonGenerator g, String name, List<Member> members) {
        List<Member> present = new ArrayList<>(members);
        present.removeIf(m -> m.value().isEmpty());
        if (!present.isEmpty()) {
            g.writeStartObject(name);
            write(g, present);
            g.writeEnd();
        }
    }
}
