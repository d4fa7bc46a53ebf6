package no.krr.person.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Contract §2: a PATCH with a stale {@code If-Match} is a 412; a current tag of either representation holds. */
class RecordTagsIfMatchTest {

    private static final String CURRENT = "{\"personidentifikator\":\"11822648950\",\"status\":\"AKTIV\",\"reservasjon\":\"NEI\","
            + "\"spraak\":\"nb\"}";
    private static final String BEFORE = CURRENT.replace("\"nb\"", "\"nn\"");

    private static String quoted(String value) {
        return "\"" + value + "\"";
    }

    private static String jsonTag(String body) {
        return quoted(RecordTags.Representation.JSON.etag(body).getValue());
    }

    private static String joseTag(String body) {
        return quoted(RecordTags.Representation.JOSE.etag(body).getValue());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "*", " * "})
    void absentBlankOrStarHolds(String ifMatch) {
        assertTrue(RecordTags.ifMatchHolds(ifMatch, CURRENT));
    }

    @Test
    void theCurrentJsonTagHolds() {
        assertTrue(RecordTags.ifMatchHolds(jsonTag(CURRENT), CURRENT));
    }

    @Test
    void theCurrentJoseTagHolds() {
        assertTrue(joseTag(CURRENT).endsWith(".jose\""), joseTag(CURRENT));
        assertTrue(RecordTags.ifMatchHolds(joseTag(CURRENT), CURRENT));
    }

    @Test
    void aListNamingTheCurrentTagAmongOthersHolds() {
        assertTrue(RecordTags.ifMatchHolds(jsonTag(BEFORE) + ", " + jsonTag(CURRENT) + ",\"other\"", CURRENT));
        assertTrue(RecordTags.ifMatchHolds(jsonTag(BEFORE) + "," + joseTag(CURRENT), CURRENT));
    }

    @Test
    void aWeakTagNeverMatchesBecauseIfMatchComparesStrongly() {
        // RFC 9110 §13.1.1: If-Match uses the strong comparison, so a weak tag matches nothing
        assertFalse(RecordTags.ifMatchHolds("W/" + jsonTag(CURRENT), CURRENT));
        assertFalse(RecordTags.ifMatchHolds("W/" + joseTag(CURRENT), CURRENT));
    }

    @Test
    void aStaleTagFails() {
        assertFalse(RecordTags.ifMatchHolds(jsonTag(BEFORE), CURRENT));
        assertFalse(RecordTags.ifMatchHolds(joseTag(BEFORE), CURRENT));
        assertFalse(RecordTags.ifMatchHolds("W/" + jsonTag(BEFORE), CURRENT));
    }

    @Test
    void aListOfOnlyStaleTagsFails() {
        assertFalse(RecordTags.ifMatchHolds(jsonTag(BEFORE) + ", " + joseTag(BEFORE) + ", \"other\"", CURRENT));
    }
}
