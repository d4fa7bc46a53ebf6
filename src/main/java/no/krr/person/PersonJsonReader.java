package no.krr.person;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads and validates a person in the register's JSON shape (docs/register.md §1). An empty string means
 * absent, as upstream writes it. In {@link Strictness#STRICT} (imports) an unknown member is an error, so
 * that a typo in a file is caught; {@link Strictness#LENIENT} (upstream answers) ignores members the
 * register may add later.
 */
public final class PersonJsonReader {

    public enum Strictness { STRICT, LENIENT }

    // the members each object may have, from the table of fields (the national id is the key, not a row)
    private static final Set<String> MEMBERS = Stream.concat(Stream.of("personidentifikator"), PersonFields.ALL.stream()
            .map(field -> field.section().object().orElse(field.name()))).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> KONTAKT_MEMBERS = names(PersonFields.Section.KONTAKTINFORMASJON);
    private static final Set<String> DIGITAL_POST_MEMBERS = names(PersonFields.Section.DIGITAL_POST);
    // the register's pattern; the 8 to 20 characters count the whole value, a leading + included
    private static final Pattern MOBILE = Pattern.compile("^\\+?[- _0-9]+$");
    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n]+");
    private static final Pattern ORGNO = Pattern.compile("^\\d{9}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");

    private PersonJsonReader() {
    }

    private static Set<String> names(PersonFields.Section section) {
        return PersonFields.of(section).stream().map(PersonFields.Field::name).collect(Collectors.toUnmodifiableSet());
    }

    public static PersonRecord read(String json, Strictness strictness) throws InvalidPersonException {
        JsonValue value;
        try {
            value = StrictJson.read(json, StrictJson.Duplicates.LAST_WINS);
        } catch (StrictJson.Malformed e) {
            throw new InvalidPersonException("malformed JSON");
        }
        if (!(value instanceof JsonObject object)) {
            throw new InvalidPersonException("not a JSON object");
        }
        return read(object, strictness);
    }

    public static PersonRecord read(JsonObject json, Strictness strictness) throws InvalidPersonException {
        if (strictness == Strictness.STRICT) {
            rejectUnknown(json, MEMBERS, "");
        }
        String pid = text(json, "personidentifikator")
                .orElseThrow(() -> new InvalidPersonException("personidentifikator: missing"));
        NationalId id = NationalId.parse(pid).orElseThrow(() -> new InvalidPersonException(
                "personidentifikator: not a valid national id (" + NationalId.mask(pid) + ")"));
        Status status = code(json, "status", Status::valueOf)
                .orElseThrow(() -> new InvalidPersonException("status: missing"));
        Optional<JaNei> reservasjon = code(json, "reservasjon", JaNei::valueOf);
        Optional<JsonObject> kontakt = object(json, "kontaktinformasjon");
        Optional<JsonObject> digitalPost = object(json, "digital_post");
        Optional<String> sertifikat = text(json, "sertifikat");

        if (status == Status.AKTIV && reservasjon.isEmpty()) {
            throw new InvalidPersonException("reservasjon: missing for an AKTIV person");
        }
        if (status != Status.AKTIV && (kontakt.isPresent() || digitalPost.isPresent() || sertifikat.isPresent())) {
            throw new InvalidPersonException("status " + status + ": must not carry kontaktinformasjon, digital_post or sertifikat");
        }
        JsonObject k = kontakt.orElse(JsonValue.EMPTY_JSON_OBJECT);
        JsonObject d = digitalPost.orElse(JsonValue.EMPTY_JSON_OBJECT);
        if (strictness == Strictness.STRICT) {
            rejectUnknown(k, KONTAKT_MEMBERS, "kontaktinformasjon.");
            rejectUnknown(d, DIGITAL_POST_MEMBERS, "digital_post.");
        }

        Optional<String> epost = text(k, "epostadresse");
        if (epost.isPresent() && (epost.get().length() > 320 || !EMAIL.matcher(epost.get()).matches())) {
            throw new InvalidPersonException("kontaktinformasjon.epostadresse: not an e-mail address");
        }
        Optional<String> mobil = text(k, "mobiltelefonnummer");
        if (mobil.isPresent() && (mobil.get().length() < 8 || mobil.get().length() > 20
                || !MOBILE.matcher(mobil.get()).matches())) {
            throw new InvalidPersonException("kontaktinformasjon.mobiltelefonnummer: must match ^\\+?[- _0-9]+$, 8 to 20 characters");
        }
        Optional<String> leverandoer = text(d, "postkasseleverandoeradresse");
        if (leverandoer.isPresent() && !ORGNO.matcher(leverandoer.get()).matches()) {
            throw new InvalidPersonException("digital_post.postkasseleverandoeradresse: not a 9-digit organisation number");
        }
        Optional<String> postkasse = text(d, "postkasseadresse");
        if (postkasse.isPresent() && postkasse.get().length() > 255) {
            throw new InvalidPersonException("digital_post.postkasseadresse: longer than 255 characters");
        }
        if (sertifikat.isPresent()) {
            checkCertificate(sertifikat.get());
        }
        return new PersonRecord(id, status, reservasjon,
                time(json, "reservasjonstidspunkt"), time(json, "reservasjon_oppdatert"),
                code(json, "varslingsstatus", Varslingsstatus::valueOf),
                new PersonRecord.Channel(epost, time(k, "epostadresse_oppdatert"), time(k, "epostadresse_sist_verifisert"),
                        time(k, "epostadresse_sist_validert"), code(k, "epostadresse_duplisert", JaNei::valueOf)),
                new PersonRecord.Channel(mobil, time(k, "mobiltelefonnummer_oppdatert"),
                        time(k, "mobiltelefonnummer_sist_verifisert"), time(k, "mobiltelefonnummer_sist_validert"),
                        code(k, "mobiltelefonnummer_duplisert", JaNei::valueOf)),
                postkasse, leverandoer, sertifikat,
                code(json, "spraak", s -> Spraak.fromCode(s).orElseThrow(IllegalArgumentException::new)),
                time(json, "spraak_oppdatert"));
    }

    private static void checkCertificate(String base64) throws InvalidPersonException {
        if (base64.length() > 16384) {
            throw new InvalidPersonException("sertifikat: longer than 16384 characters");
        }
        // line breaks are allowed (PEM bodies are wrapped); the MIME decoder is not used because it
        // silently skips every character outside the alphabet, so it took almost any text as base64
        String body = base64.indexOf('\n') < 0 && base64.indexOf('\r') < 0 ? base64 : LINE_BREAKS.matcher(base64).replaceAll("");
        try {
            // the strict decoder refuses any character outside the alphabet and bad padding
            if (Base64.getDecoder().decode(body).length == 0) {
                throw new InvalidPersonException("sertifikat: not base64");
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidPersonException("sertifikat: not base64");
        }
    }

    private static void rejectUnknown(JsonObject json, Set<String> known, String prefix) throws InvalidPersonException {
        for (String member : json.keySet()) {
            if (!known.contains(member)) {
                throw new InvalidPersonException(prefix + shorten(member) + ": unknown member");
            }
        }
    }

    private static Optional<String> text(JsonObject json, String member) throws InvalidPersonException {
        JsonValue value = json.get(member);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonString s)) {
            throw new InvalidPersonException(member + ": must be a string");
        }
        return s.getString().isEmpty() ? Optional.empty() : Optional.of(s.getString());
    }

    private static <T> Optional<T> code(JsonObject json, String member, Function<String, T> parse) throws InvalidPersonException {
        Optional<String> text = text(json, member);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse.apply(text.get()));
        } catch (IllegalArgumentException e) {
            throw new InvalidPersonException(member + ": unknown code '" + shorten(text.get()) + "'");
        }
    }

    private static Optional<OffsetDateTime> time(JsonObject json, String member) throws InvalidPersonException {
        Optional<String> text = text(json, member);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return RegisterTimestamps.parse(text.get());
        } catch (RuntimeException e) {
            throw new InvalidPersonException(member + ": not a timestamp");
        }
    }

    private static Optional<JsonObject> object(JsonObject json, String member) throws InvalidPersonException {
        JsonValue value = json.get(member);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonObject o)) {
            throw new InvalidPersonException(member + ": must be an object");
        }
        return o.isEmpty() ? Optional.empty() : Optional.of(o);
    }

    private static String shorten(String text) {
        String masked = text.replaceAll("\\d{11}", "***********");
        return masked.length() > 30 ? masked.substring(0, 30) + "…" : masked;
    }
}
