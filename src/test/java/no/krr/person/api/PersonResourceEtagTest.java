package no.krr.person.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.EntityTag;
import org.junit.jupiter.api.Test;

class PersonResourceEtagTest {

    private static final String BODY = "{\"personidentifikator\":\"11822648950\",\"status\":\"AKTIV\",\"reservasjon\":\"NEI\","
            + "\"spraak\":\"nb\"}";

    @Test
    void theSameBodyGivesTheSameTag() {
        assertEquals(PersonResource.etagOf(BODY), PersonResource.etagOf(new String(BODY)));
    }

    @Test
    void aChangedBodyGivesAnotherTag() {
        assertNotEquals(PersonResource.etagOf(BODY), PersonResource.etagOf(BODY.replace("\"nb\"", "\"nn\"")));
        assertNotEquals(PersonResource.etagOf(BODY), PersonResource.etagOf(BODY + " "));
        assertNotEquals(PersonResource.etagOf("{\"spraak\":\"nb\"}"), PersonResource.etagOf("{\"spraak\":\"nø\"}"));
    }

    @Test
    void theTagIsStrong() {
        assertFalse(PersonResource.etagOf(BODY).isWeak());
    }

    @Test
    void theTagValueNeedsNoQuotingInTheHeader() {
        EntityTag tag = PersonResource.etagOf(BODY);

        // RFC 9110 etagc, restricted further to the URL-safe base64 alphabet; 27 characters = 162 bits
        assertTrue(tag.getValue().matches("[A-Za-z0-9_-]{27}"), tag.getValue());
    }

    @Test
    void theTagDoesNotRevealTheBody() {
        assertFalse(PersonResource.etagOf(BODY).getValue().contains("11822648950"));
    }
}
