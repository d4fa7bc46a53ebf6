package no.krr.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import no.krr.person.NationalId;
import no.krr.person.PersonRecord;
import no.krr.person.Spraak;
import no.krr.person.Status;
import org.junit.jupiter.api.Test;

class UpstreamAnswerReaderTest {

    static final NationalId A = new NationalId("23079421936");
    static final NationalId B = new NationalId("20914695016");
    static final NationalId C = new NationalId("17894199350");

    static String aktiv(NationalId id, String oppdatert) {
        return "{\"personidentifikator\":\"" + id.value() + "\",\"reservasjon\":\"NEI\",\"status\":\"AKTIV\","
                + "\"varslingsstatus\":\"KAN_VARSLES\",\"kontaktinformasjon\":{\"epostadresse\":\"ola@example.no\","
                + "\"epostadresse_oppdatert\":\"" + oppdatert + "\",\"epostadresse_sist_verifisert\":\"\"},"
                + "\"spraak\":\"nn\",\"spraak_oppdatert\":\"2014-02-25T13:08:00.000+01:00\",\"nytt_felt\":42}";
    }

    static String answer(String... persons) {
        return "{\"personer\":[" + String.join(",", persons) + "]}";
    }

    @Test
    void theRequestBodyNamesEachIdOnceInOrder() {
        assertEquals("{\"personidentifikatorer\":[\"23079421936\",\"20914695016\"]}",
                UpstreamAnswerReader.requestBody(List.of(A, B, A)));
    }

    @Test
    void validPersonsAreReadLeniently() throws Exception {
        UpstreamRegister.Answer answer = UpstreamAnswerReader.read(answer(
                aktiv(A, "2023-06-29T10:14:52+02"),
                aktiv(B, "2023-08-05T10:45:15.768Z")), List.of(A, B));
        assertEquals(List.of(A.value(), B.value()), List.copyOf(answer.persons().keySet()));
        assertTrue(answer.invalid().isEmpty());
        PersonRecord a = answer.persons().get(A.value());
        assertEquals(Status.AKTIV, a.status());
        assertEquals(Optional.of(Spraak.fromCode("nn").orElseThrow()), a.spraak());
        assertEquals(Optional.of(OffsetDateTime.parse("2023-06-29T10:14:52+02:00")), a.epost().oppdatert());
        assertEquals(Optional.empty(), a.epost().sistVerifisert(), "an empty string means absent");
        assertEquals(Optional.of(OffsetDateTime.parse("2014-02-25T13:08:00+01:00")), a.spraakOppdatert());
    }

    @Test
    void unknownIdsComeBackAsIkkeRegistrert() throws Exception {
        UpstreamRegister.Answer answer = UpstreamAnswerReader.read(
                answer("{\"personidentifikator\":\"" + C.value() + "\",\"status\":\"IKKE_REGISTRERT\"}"), List.of(C));
        assertEquals(Status.IKKE_REGISTRERT, answer.persons().get(C.value()).status());
    }

    @Test
    void anInvalidItemCostsOnlyItsPerson() throws Exception {
        UpstreamRegister.Answer answer = UpstreamAnswerReader.read(answer(
                aktiv(A, "2023-06-29T10:14:52+02"),
                "{\"personidentifikator\":\"" + B.value() + "\",\"status\":\"AKTIV\"}",
                "{\"personidentifikator\":\"" + C.value() + "\",\"status\":\"SLETTET\",\"spraak_oppdatert\":\"yesterday\"}"),
                List.of(A, B, C));
        assertEquals(List.of(A.value()), List.copyOf(answer.persons().keySet()));
        assertEquals("invalid in the upstream answer: reservasjon: missing for an AKTIV person", answer.invalid().get(B.value()));
        assertEquals("invalid in the upstream answer: spraak_oppdatert: not a timestamp", answer.invalid().get(C.value()));
    }

    @Test
    void anIdMissingFromTheAnswerIsInvalid() throws Exception {
        UpstreamRegister.Answer answer = UpstreamAnswerReader.read(answer(aktiv(A, "2023-06-29T10:14:52+02")), List.of(A, B));
        assertEquals(UpstreamAnswerReader.MISSING, answer.invalid().get(B.value()));
        assertEquals(1, answer.persons().size());
    }

    @Test
    void strangersAndNonObjectsAreDropped() throws Exception {
        UpstreamRegister.Answer answer = UpstreamAnswerReader.read(answer(
                aktiv(C, "2023-06-29T10:14:52+02"), "42", "{\"status\":\"AKTIV\"}", aktiv(A, "2023-06-29T10:14:52+02")),
                List.of(A));
        assertEquals(List.of(A.value()), List.copyOf(answer.persons().keySet()));
        assertTrue(answer.invalid().isEmpty());
    }

    @Test
    void aRepeatedIdenticalItemIsHarmlessButAConflictingOneIsInvalid() throws Exception {
        UpstreamRegister.Answer same = UpstreamAnswerReader.read(answer(
                aktiv(A, "2023-06-29T10:14:52+02"), aktiv(A, "2023-06-29T10:14:52+02")), List.of(A));
        assertTrue(same.persons().containsKey(A.value()));
        assertTrue(same.invalid().isEmpty());
        UpstreamRegister.Answer conflicting = UpstreamAnswerReader.read(answer(
                aktiv(A, "2023-06-29T10:14:52+02"), aktiv(A, "2024-01-01T00:00:00Z")), List.of(A));
        assertFalse(conflicting.persons().containsKey(A.value()));
        assertEquals(UpstreamAnswerReader.DUPLICATE, conflicting.invalid().get(A.value()));
    }

    @Test
    void everyIdAskedLandsInExactlyOneMap() throws Exception {
        UpstreamRegister.Answer answer = UpstreamAnswerReader.read(answer(
                aktiv(A, "2023-06-29T10:14:52+02"), "{\"personidentifikator\":\"" + B.value() + "\"}"), List.of(A, B, C));
        assertEquals(3, answer.persons().size() + answer.invalid().size());
        for (NationalId id : List.of(A, B, C)) {
            assertTrue(answer.persons().containsKey(id.value()) ^ answer.invalid().containsKey(id.value()), id.masked());
        }
    }

    @Test
    void reasonsNeverHoldAnIdInClear() throws Exception {
        UpstreamRegister.Answer answer = UpstreamAnswerReader.read(answer(
                "{\"personidentifikator\":\"" + A.value() + "\",\"status\":\"AKTIV\",\"reservasjon\":\"" + B.value() + "\"}"),
                List.of(A));
        String reason = answer.invalid().get(A.value());
        assertFalse(reason.contains(B.value()), reason);
        assertFalse(reason.contains(A.value()), reason);
    }

    @Test
    void aBodyThatIsNotPersonerIsMalformed() {
        for (String body : new String[] {"", "   ", "null", "[]", "{}", "{\"personer\":{}}", "{\"personer\":[", "{\"personer\":[]} x",
                "<html>busy</html>"}) {
            assertThrows(UpstreamAnswerReader.MalformedAnswerException.class, () -> UpstreamAnswerReader.read(body, List.of(A)),
                    body);
        }
    }

    @Test
    void theAnswerIsUnmodifiable() throws Exception {
        UpstreamRegister.Answer answer = UpstreamAnswerReader.read(answer(), List.of(A));
        assertThrows(UnsupportedOperationException.class, () -> answer.invalid().clear());
        assertThrows(UnsupportedOperationException.class, () -> answer.persons().clear());
    }
}
