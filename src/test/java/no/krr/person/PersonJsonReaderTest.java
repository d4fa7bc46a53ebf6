package no.krr.person;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import no.krr.person.PersonJsonReader.Strictness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonJsonReaderTest {

    private static final String PID = "11822648950";
    private static final Pattern ELEVEN_DIGITS = Pattern.compile("\\d{11}");
    private static final String CERTIFICATE = Base64.getEncoder().encodeToString(new byte[] {0x30, (byte) 0x82, 1, 2, 3, 4, 5});

    /** A complete AKTIV person, every member of docs/register.md §1 set. */
    private static JsonObjectBuilder fullAktiv() {
        return Json.createObjectBuilder()
                .add("personidentifikator", PID)
                .add("reservasjon", "NEI")
                .add("reservasjonstidspunkt", "2014-02-25T13:08:00.000+01:00")
                .add("reservasjon_oppdatert", "2023-06-29T10:14:52+02")
                .add("status", "AKTIV")
                .add("varslingsstatus", "KAN_VARSLES")
                .add("kontaktinformasjon", kontakt())
                .add("digital_post", Json.createObjectBuilder()
                        .add("postkasseadresse", "ola.nordmann#9YDT")
                        .add("postkasseleverandoeradresse", "984661185"))
                .add("sertifikat", CERTIFICATE)
                .add("spraak", "nn")
                .add("spraak_oppdatert", "2023-08-05T10:45:15.768Z");
    }

    private static JsonObjectBuilder kontakt() {
        return Json.createObjectBuilder()
                .add("epostadresse", "ola.nordmann@example.no")
                .add("epostadresse_oppdatert", "2023-06-29T10:14:52+02")
                .add("epostadresse_sist_verifisert", "2023-08-05T10:45:15.768Z")
                .add("epostadresse_sist_validert", "2014-02-25T13:08:00.000+01:00")
                .add("epostadresse_duplisert", "NEI")
                .add("mobiltelefonnummer", "+4799999999")
                .add("mobiltelefonnummer_oppdatert", "2023-06-29T10:14:52+02")
                .add("mobiltelefonnummer_sist_verifisert", "2023-08-05T10:45:15.768Z")
                .add("mobiltelefonnummer_sist_validert", "2014-02-25T13:08:00.000+01:00")
                .add("mobiltelefonnummer_duplisert", "JA");
    }

    private static JsonObjectBuilder minimalAktiv() {
        return Json.createObjectBuilder().add("personidentifikator", PID).add("status", "AKTIV").add("reservasjon", "NEI");
    }

    private static PersonRecord read(JsonObjectBuilder json) throws InvalidPersonException {
        return PersonJsonReader.read(json.build().toString(), Strictness.STRICT);
    }

    private static String rejected(JsonObjectBuilder json) {
        return rejected(json.build().toString(), Strictness.STRICT);
    }

    private static String rejected(String json, Strictness strictness) {
        String message = assertThrows(InvalidPersonException.class, () -> PersonJsonReader.read(json, strictness)).getMessage();
        assertFalse(ELEVEN_DIGITS.matcher(message).find(), "a national id in clear: " + message);
        return message;
    }

    private static JsonObjectBuilder withKontakt(String member, String value) {
        return minimalAktiv().add("kontaktinformasjon", kontakt().add(member, value));
    }

    private static OffsetDateTime t(String iso) {
        return OffsetDateTime.parse(iso);
    }

    @Test
    void aFullAktivLineIsReadIntoEveryField() throws Exception {
        PersonRecord r = read(fullAktiv());

        assertAll(
                () -> assertEquals(PID, r.personidentifikator().value()),
                () -> assertEquals(Status.AKTIV, r.status()),
                () -> assertEquals(Optional.of(JaNei.NEI), r.reservasjon()),
                () -> assertEquals(Optional.of(t("2014-02-25T13:08:00+01:00")), r.reservasjonstidspunkt()),
                () -> assertEquals(Optional.of(t("2023-06-29T10:14:52+02:00")), r.reservasjonOppdatert()),
                () -> assertEquals(Optional.of(Varslingsstatus.KAN_VARSLES), r.varslingsstatus()),
                () -> assertEquals(Optional.of("ola.nordmann@example.no"), r.epost().value()),
                () -> assertEquals(Optional.of(t("2023-06-29T10:14:52+02:00")), r.epost().oppdatert()),
                () -> assertEquals(Optional.of(t("2023-08-05T10:45:15.768Z")), r.epost().sistVerifisert()),
                () -> assertEquals(Optional.of(t("2014-02-25T13:08:00+01:00")), r.epost().sistValidert()),
                () -> assertEquals(Optional.of(JaNei.NEI), r.epost().duplisert()),
                () -> assertEquals(Optional.of("+4799999999"), r.mobil().value()),
                () -> assertEquals(Optional.of(t("2023-06-29T10:14:52+02:00")), r.mobil().oppdatert()),
                () -> assertEquals(Optional.of(t("2023-08-05T10:45:15.768Z")), r.mobil().sistVerifisert()),
                () -> assertEquals(Optional.of(t("2014-02-25T13:08:00+01:00")), r.mobil().sistValidert()),
                () -> assertEquals(Optional.of(JaNei.JA), r.mobil().duplisert()),
                () -> assertEquals(Optional.of("ola.nordmann#9YDT"), r.postkasseadresse()),
                () -> assertEquals(Optional.of("984661185"), r.postkasseleverandoeradresse()),
                () -> assertEquals(Optional.of(CERTIFICATE), r.sertifikat()),
                () -> assertEquals(Optional.of(Spraak.NN), r.spraak()),
                () -> assertEquals(Optional.of(t("2023-08-05T10:45:15.768Z")), r.spraakOppdatert()));
    }

    @Test
    void aMinimalAktivLineLeavesEverythingElseAbsent() throws Exception {
        PersonRecord r = read(minimalAktiv());

        assertEquals(PersonRecord.Channel.NONE, r.epost());
        assertEquals(PersonRecord.Channel.NONE, r.mobil());
        assertEquals(Optional.empty(), r.varslingsstatus());
        assertEquals(Optional.empty(), r.sertifikat());
        assertEquals(Optional.empty(), r.spraak());
    }

    @ParameterizedTest
    @EnumSource(value = Status.class, names = {"SLETTET", "IKKE_REGISTRERT"})
    void aPersonThatIsNotAktivNeedsNoReservasjon(Status status) throws Exception {
        PersonRecord r = read(Json.createObjectBuilder().add("personidentifikator", PID).add("status", status.name())
                .add("varslingsstatus", "KAN_IKKE_VARSLES"));

        assertEquals(status, r.status());
        assertEquals(Optional.empty(), r.reservasjon());
    }

    @Test
    void allThreeUpstreamTimestampShapesAreAccepted() throws Exception {
        PersonRecord r = read(minimalAktiv()
                .add("reservasjonstidspunkt", "2023-06-29T10:14:52+02")
                .add("reservasjon_oppdatert", "2023-08-05T10:45:15.768Z")
                .add("spraak_oppdatert", "2014-02-25T13:08:00.000+01:00"));

        assertEquals(Instant.parse("2023-06-29T08:14:52Z"), r.reservasjonstidspunkt().orElseThrow().toInstant());
        assertEquals(Instant.parse("2023-08-05T10:45:15.768Z"), r.reservasjonOppdatert().orElseThrow().toInstant());
        assertEquals(Instant.parse("2014-02-25T12:08:00Z"), r.spraakOppdatert().orElseThrow().toInstant());
    }

    @Test
    void aTimestampOfAnotherShapeIsRejected() {
        assertEquals("spraak_oppdatert: not a timestamp",
                rejected(minimalAktiv().add("spraak_oppdatert", "29.06.2023 10:14")));
        assertTrue(rejected(withKontakt("epostadresse_oppdatert", "2023-06-29T10:14:52"))
                .startsWith("epostadresse_oppdatert"));
    }

    @Test
    void emptyStringsMeanAbsent() throws Exception {
        PersonRecord r = read(minimalAktiv()
                .add("varslingsstatus", "")
                .add("reservasjonstidspunkt", "")
                .add("sertifikat", "")
                .add("spraak", "")
                .add("spraak_oppdatert", "")
                .add("kontaktinformasjon", Json.createObjectBuilder()
                        .add("epostadresse", "ola@example.no")
                        .add("epostadresse_oppdatert", "")
                        .add("epostadresse_duplisert", "")
                        .add("mobiltelefonnummer", "")));

        assertEquals(Optional.empty(), r.varslingsstatus());
        assertEquals(Optional.empty(), r.reservasjonstidspunkt());
        assertEquals(Optional.empty(), r.sertifikat());
        assertEquals(Optional.empty(), r.spraak());
        assertEquals(Optional.empty(), r.spraakOppdatert());
        assertEquals(Optional.empty(), r.epost().oppdatert());
        assertEquals(Optional.empty(), r.epost().duplisert());
        assertEquals(Optional.empty(), r.mobil().value());
    }

    @Test
    void anEmptyRequiredStringCountsAsMissing() {
        assertEquals("personidentifikator: missing",
                rejected(minimalAktiv().add("personidentifikator", "")));
        assertEquals("status: missing", rejected(minimalAktiv().add("status", "")));
        assertEquals("reservasjon: missing for an AKTIV person", rejected(minimalAktiv().add("reservasjon", "")));
    }

    // personidentifikator

    @Test
    void personidentifikatorIsRequired() {
        assertEquals("personidentifikator: missing", rejected(minimalAktiv().remove("personidentifikator")));
        assertEquals("personidentifikator: missing", rejected(minimalAktiv().addNull("personidentifikator")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"11822648951", "23079421937", "1182264895", "118226489500", "1182264895x", "abc"})
    void anInvalidPersonidentifikatorIsRejected(String pid) {
        String message = rejected(minimalAktiv().add("personidentifikator", pid));

        assertTrue(message.startsWith("personidentifikator: not a valid national id"), message);
    }

    @Test
    void theRejectedPersonidentifikatorIsMaskedInTheMessage() {
        String message = rejected(minimalAktiv().add("personidentifikator", "11822648951"));

        assertTrue(message.contains("118226*****"), message);
        assertFalse(message.contains("11822648951"), message);
    }

    @Test
    void aPersonidentifikatorAsANumberIsAWrongType() {
        String message = rejected(minimalAktiv().add("personidentifikator", 11822648950L));

        assertEquals("personidentifikator: must be a string", message);
    }

    // status and codes

    @Test
    void statusIsRequired() {
        assertEquals("status: missing", rejected(minimalAktiv().remove("status")));
    }

    @Test
    void anUnknownStatusIsRejected() {
        assertEquals("status: unknown code 'AKTIVE'", rejected(minimalAktiv().add("status", "AKTIVE")));
        assertEquals("status: unknown code 'aktiv'", rejected(minimalAktiv().add("status", "aktiv")));
    }

    @Test
    void anUnknownReservasjonIsRejected() {
        assertEquals("reservasjon: unknown code 'KANSKJE'", rejected(minimalAktiv().add("reservasjon", "KANSKJE")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NB", "no", "sv", "nob"})
    void anUnknownSpraakIsRejected(String code) {
        assertEquals("spraak: unknown code '" + code + "'", rejected(minimalAktiv().add("spraak", code)));
    }

    @Test
    void everyKnownSpraakIsAccepted() throws Exception {
        for (Spraak spraak : Spraak.values()) {
            assertEquals(Optional.of(spraak), read(minimalAktiv().add("spraak", spraak.code())).spraak());
        }
    }

    @Test
    void anUnknownVarslingsstatusIsRejected() {
        assertEquals("varslingsstatus: unknown code 'KAN_KANSKJE_VARSLES'",
                rejected(minimalAktiv().add("varslingsstatus", "KAN_KANSKJE_VARSLES")));
    }

    @Test
    void anUnknownDuplisertFlagIsRejected() {
        assertEquals("epostadresse_duplisert: unknown code 'ja'", rejected(withKontakt("epostadresse_duplisert", "ja")));
    }

    @Test
    void aRejectedCodeIsNotEchoedWithANationalIdInClear() {
        String message = rejected(minimalAktiv().add("spraak", "23079421936"));

        assertTrue(message.startsWith("spraak: unknown code"), message);
    }

    @Test
    void anAktivPersonMustCarryReservasjon() {
        assertEquals("reservasjon: missing for an AKTIV person", rejected(minimalAktiv().remove("reservasjon")));
    }

    @ParameterizedTest
    @EnumSource(value = Status.class, names = {"SLETTET", "IKKE_REGISTRERT"})
    void aPersonThatIsNotAktivCarriesNoContactData(Status status) {
        JsonObject base = Json.createObjectBuilder().add("personidentifikator", PID).add("status", status.name()).build();
        String expected = "status " + status + ": must not carry kontaktinformasjon, digital_post or sertifikat";

        assertEquals(expected, rejected(Json.createObjectBuilder(base)
                .add("kontaktinformasjon", Json.createObjectBuilder().add("epostadresse", "ola@example.no"))));
        assertEquals(expected, rejected(Json.createObjectBuilder(base)
                .add("digital_post", Json.createObjectBuilder().add("postkasseadresse", "ola.nordmann#9YDT"))));
        assertEquals(expected, rejected(Json.createObjectBuilder(base).add("sertifikat", CERTIFICATE)));
    }

    // contact data

    @ParameterizedTest
    @ValueSource(strings = {"ola.nordmann", "ola@", "@example.no", "ola@@example.no", "ola nordmann@example.no",
            "ola@example.no\n"})
    void aMalformedEpostadresseIsRejected(String address) {
        assertEquals("kontaktinformasjon.epostadresse: not an e-mail address", rejected(withKontakt("epostadresse", address)));
    }

    @Test
    void anEpostadresseLongerThan320CharactersIsRejected() {
        String address = "a".repeat(310) + "@example.no";

        assertEquals("kontaktinformasjon.epostadresse: not an e-mail address", rejected(withKontakt("epostadresse", address)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999999", "+4799999999", "+47 999 99 999", "0047-999-99-999", "+47_99999999",
            "+1234567", "12345678901234567890", "+1234567890123456789"})
    void aMobiltelefonnummerOfThePatternAnd8To20CharactersIsAccepted(String number) throws Exception {
        assertEquals(Optional.of(number), read(withKontakt("mobiltelefonnummer", number)).mobil().value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"9999999", "+999999", "123456789012345678901", "+12345678901234567890",
            "+47(999)99999", "47+99999999", "++4799999999", "99999999a", "9999.9999", "99999999\n"})
    void aMobiltelefonnummerOutsideThePatternOrLengthIsRejected(String number) {
        String message = rejected(withKontakt("mobiltelefonnummer", number));

        assertTrue(message.startsWith("kontaktinformasjon.mobiltelefonnummer: must match"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"98466118", "9846611850", "98466118x", "984 661 185"})
    void aPostkasseleverandoeradresseThatIsNotANineDigitOrgNumberIsRejected(String orgno) {
        assertEquals("digital_post.postkasseleverandoeradresse: not a 9-digit organisation number",
                rejected(minimalAktiv().add("digital_post",
                        Json.createObjectBuilder().add("postkasseleverandoeradresse", orgno))));
    }

    @Test
    void aPostkasseadresseLongerThan255CharactersIsRejected() {
        assertEquals("digital_post.postkasseadresse: longer than 255 characters",
                rejected(minimalAktiv().add("digital_post",
                        Json.createObjectBuilder().add("postkasseadresse", "x".repeat(256)))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64!", "this is not base64 at all", "MIIB%%%%", "=MII", "****", "MIIBszCC-_"})
    void aSertifikatThatIsNotBase64IsRejected(String sertifikat) {
        assertEquals("sertifikat: not base64", rejected(minimalAktiv().add("sertifikat", sertifikat)));
    }

    @Test
    void aSertifikatInLinesOfBase64IsAccepted() throws Exception {
        String pem = Base64.getMimeEncoder().encodeToString(new byte[200]);
        assertTrue(pem.contains("\r\n"));

        assertEquals(Optional.of(pem), read(minimalAktiv().add("sertifikat", pem)).sertifikat());
    }

    // JSON shape

    @Test
    void aNumberWhereAStringBelongsIsAWrongType() {
        assertEquals("status: must be a string", rejected(minimalAktiv().add("status", 1)));
        assertEquals("epostadresse: must be a string",
                rejected(minimalAktiv().add("kontaktinformasjon", Json.createObjectBuilder().add("epostadresse", 42))));
        assertEquals("spraak_oppdatert: must be a string", rejected(minimalAktiv().add("spraak_oppdatert", 1687990492)));
        assertEquals("reservasjon: must be a string", rejected(minimalAktiv().add("reservasjon", true)));
    }

    @Test
    void anArrayWhereAnObjectBelongsIsAWrongType() {
        assertEquals("kontaktinformasjon: must be an object",
                rejected(minimalAktiv().add("kontaktinformasjon", Json.createArrayBuilder().add("ola@example.no"))));
        assertEquals("digital_post: must be an object", rejected(minimalAktiv().add("digital_post", "ola.nordmann#9YDT")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "{", "{\"status\":}", "{'status':'AKTIV'}", "{\"status\":\"AKTIV\",}",
            "{\"status\":\"AKTIV\" \"reservasjon\":\"NEI\"}"})
    void malformedJsonIsRejected(String json) {
        assertEquals("malformed JSON", rejected(json, Strictness.STRICT));
    }

    @ParameterizedTest
    @ValueSource(strings = {" {}", "x", ",", "{\"personidentifikator\":\"23079421936\",\"status\":\"SLETTET\"}"})
    void anythingAfterTheObjectMakesTheLineMalformed(String trailing) {
        String valid = minimalAktiv().build().toString();

        assertEquals("malformed JSON", rejected(valid + trailing, Strictness.STRICT));
    }

    @Test
    void whitespaceAroundTheObjectIsFine() throws Exception {
        String json = " \t" + minimalAktiv().build() + " \r\n";

        assertEquals(PID, PersonJsonReader.read(json, Strictness.STRICT).personidentifikator().value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{\"status\":\"AKTIV\"}]", "\"11822648950\"", "42", "null", "true"})
    void aDocumentThatIsNotAnObjectIsRejected(String json) {
        assertEquals("not a JSON object", rejected(json, Strictness.STRICT));
    }

    // unknown members

    @Test
    void strictRejectsAnUnknownTopLevelMember() {
        assertEquals("epost: unknown member", rejected(minimalAktiv().add("epost", "ola@example.no")));
    }

    @Test
    void strictRejectsAnUnknownMemberInKontaktinformasjon() {
        assertEquals("kontaktinformasjon.epostadressse: unknown member",
                rejected(withKontakt("epostadressse", "ola@example.no")));
    }

    @Test
    void strictRejectsAnUnknownMemberInDigitalPost() {
        assertEquals("digital_post.leverandoer: unknown member", rejected(minimalAktiv().add("digital_post",
                Json.createObjectBuilder().add("postkasseadresse", "ola.nordmann#9YDT").add("leverandoer", "984661185"))));
    }

    @Test
    void anUnknownMemberNameIsNotEchoedWithANationalIdInClear() {
        String message = rejected(minimalAktiv().add("23079421936", "x"));

        assertTrue(message.endsWith(": unknown member"), message);
    }

    @Test
    void lenientIgnoresUnknownMembersAtEveryLevel() throws Exception {
        JsonObject withExtras = fullAktiv()
                .add("nytt_felt", "x")
                .add("kontaktinformasjon", kontakt().add("nytt_kontaktfelt", Json.createObjectBuilder()))
                .add("digital_post", Json.createObjectBuilder()
                        .add("postkasseadresse", "ola.nordmann#9YDT")
                        .add("postkasseleverandoeradresse", "984661185")
                        .add("nytt_postfelt", 1))
                .build();

        assertEquals(read(fullAktiv()), PersonJsonReader.read(withExtras.toString(), Strictness.LENIENT));
        assertThrows(InvalidPersonException.class, () -> PersonJsonReader.read(withExtras, Strictness.STRICT));
    }

    @Test
    void lenientStillValidatesTheKnownMembers() {
        String json = minimalAktiv().add("nytt_felt", "x").add("spraak", "sv").build().toString();

        assertEquals("spraak: unknown code 'sv'", rejected(json, Strictness.LENIENT));
    }

    @Test
    void aJsonObjectCanBeReadDirectly() {
        JsonObject object = Json.createReader(new StringReader(minimalAktiv().build().toString())).readObject();

        assertDoesNotThrow(() -> PersonJsonReader.read(object, Strictness.STRICT));
    }

    @Test
    void timestampsKeepTheirOffsetWhenRead() throws Exception {
        PersonRecord r = read(minimalAktiv().add("spraak_oppdatert", "2023-06-29T10:14:52+02"));

        assertEquals(ZoneOffset.ofHours(2), r.spraakOppdatert().orElseThrow().getOffset());
    }
}
