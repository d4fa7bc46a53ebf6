package no.krr.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ReconciliationRequestTest {

    @Test
    void verifyAndReconcileAreTheModes() {
        assertEquals(new ReconciliationRequest(Mode.VERIFY, OptionalLong.empty()),
                ReconciliationRequest.parse("{\"mode\":\"VERIFY\"}"));
        assertEquals(new ReconciliationRequest(Mode.RECONCILE, OptionalLong.empty()),
                ReconciliationRequest.parse(" {\n \"mode\" : \"RECONCILE\" }\n"));
    }

    @Test
    void aReconcileMayAllowDeletionsInEitherOrder() {
        assertEquals(new ReconciliationRequest(Mode.RECONCILE, OptionalLong.of(1200)),
                ReconciliationRequest.parse("{\"mode\":\"RECONCILE\",\"allowDeletions\":1200}"));
        assertEquals(new ReconciliationRequest(Mode.RECONCILE, OptionalLong.of(0)),
                ReconciliationRequest.parse("{\"allowDeletions\":0,\"mode\":\"RECONCILE\"}"));
        assertEquals(new ReconciliationRequest(Mode.RECONCILE, OptionalLong.of(7)),
                ReconciliationRequest.parse("{\"mode\":\"RECONCILE\",\"allowDeletions\":7.0}"), "a whole number written with a point");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            " ",
            "{\"mode\":\"verify\"}",                          // lower case
            "{\"mode\":\"Reconcile\"}",
            "{\"mode\":\"REPAIR\"}",                          // no such mode
            "{\"mode\":\"\"}",
            "{\"modus\":\"VERIFY\"}",                         // other member
            "{\"mode\":\"VERIFY\",\"dryRun\":true}",          // extra member
            "{}",
            "{\"mode\":null}",                                // wrong types
            "{\"mode\":1}",
            "{\"mode\":[\"VERIFY\"]}",
            "{\"mode\":{\"name\":\"VERIFY\"}}",
            "\"VERIFY\"",                                     // not an object
            "[{\"mode\":\"VERIFY\"}]",
            "null",
            "VERIFY",                                         // not JSON
            "mode=VERIFY",
            "{\"mode\":\"VERIFY\"",
            "{\"mode\":\"VERIFY\"} x",                        // trailing content
            "{\"mode\":\"VERIFY\"}{\"mode\":\"RECONCILE\"}",
            "{\"mode\":\"VERIFY\",\"mode\":\"RECONCILE\"}",   // duplicated member
            "{\"mode\":\"VERIFY\",\"allowDeletions\":10}",    // VERIFY clears nothing
            "{\"allowDeletions\":10}",                        // no mode
            "{\"mode\":\"RECONCILE\",\"allowDeletions\":-1}", // negative
            "{\"mode\":\"RECONCILE\",\"allowDeletions\":1.5}",
            "{\"mode\":\"RECONCILE\",\"allowDeletions\":1e30}",
            "{\"mode\":\"RECONCILE\",\"allowDeletions\":\"10\"}",
            "{\"mode\":\"RECONCILE\",\"allowDeletions\":null}",
            "{\"mode\":\"RECONCILE\",\"allowDeletions\":1,\"allowDeletions\":2}",
    })
    void anythingElseIsRefused(String body) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReconciliationRequest.parse(body));
        assertEquals(ReconciliationRequest.SHAPE, e.getMessage());
    }
}
