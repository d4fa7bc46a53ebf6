package no.krr.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuditQueryTest {

    static final String PID = "23079421936";

    @Test
    void readsTheIdAndTheDefaultLimit() {
        AuditQuery query = AuditQuery.parse("{\"personidentifikator\":\"" + PID + "\"}");
        assertEquals(PID, query.person().value());
        assertEquals(100, query.limit());
    }

    @Test
    void readsALimit() {
        assertEquals(7, AuditQuery.parse("{\"personidentifikator\":\"" + PID + "\",\"limit\":7}").limit());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "{}", "{\"personidentifikator\":23079421936}",
            "{\"personidentifikator\":\"" + PID + "\",\"limit\":0}",
            "{\"personidentifikator\":\"" + PID + "\",\"limit\":1001}",
            "{\"personidentifikator\":\"" + PID + "\",\"limit\":1.5}",
            "{\"personidentifikator\":\"" + PID + "\",\"limit\":\"7\"}",
            "{\"personidentifikator\":\"" + PID + "\",\"other\":1}",
            "{\"personidentifikator\":\"" + PID + "\",\"personidentifikator\":\"" + PID + "\"}",
            "{\"personidentifikator\":\"" + PID + "\"} trailing"})
    void refusesEveryOtherBody(String body) {
        assertThrows(IllegalArgumentException.class, () -> AuditQuery.parse(body));
    }

    @Test
    void aWrongCheckDigitIsRefusedWithoutQuotingTheId() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> AuditQuery.parse("{\"personidentifikator\":\"23079421937\"}"));
        assertFalse(refused.getMessage().contains("2307942193"));
    }
}
