package no.krr.person.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.EntityTag;
import org.junit.jupiter.api.Test;

class RecordTagsEtagTest {

    private static final String BODY = "{\"personidentifikator\":\"11822648950\",\"status\":\"AKTIV\",\"reservasjon\":\"NEI\","
            + "\"spraak\":\"nb\"}";

    @Test
    void theSameBodyGivesTheSameTag() {
        assertEquals(RecordTags.etagOf(BODY), RecordTags.etagOf(new String(BODY)));
    }

    @Test
    void aChangedBodyGivesAnotherTag() {
        assertNotEquals(RecordTags.etagOf(BODY), RecordTags.etagOf(BODY.replace("\"nb\"", "\"nn\"")));
        assertNotEquals(RecordTags.etagOf(BODY), RecordTags.etagOf(BODY + " "));
        assertNotEquals(RecordTags.etagOf("{\"spraak\":\"nb\"}"), RecordTags.etagOf("{\"spraak\":\"nø\"}"));
    }

    @Test
    void theTagIsStrong() {
        assertFalse(RecordTags.etagOf(BODY).isWeak());
    }

    @Test
    void theTagValueNeedsNoQuotingInTheHeader() {
        EntityTag tag = RecordTags.etagOf(BODY);

        // RFC 9110 etagc, restricted further to the URL-safe base64 alphabet; 27 characters = 162 bits
        assertTrue(tag.getValue().matches("[A-Za-z0-9_-]{27}"), tag.getValue());
    }

    @Test
    void theTagDoesNotRevealTheBody() {
        assertFalse(RecordTags.etagOf(BODY).getValue().contains("11822648950"));
    }
}
