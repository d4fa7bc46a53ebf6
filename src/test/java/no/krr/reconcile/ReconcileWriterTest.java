package no.krr.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When {@link ReconcileWriter} stops a run for its upstream errors, and what the run's failure then says. */
class ReconcileWriterTest {

    @Test
    void theBudgetItselfIsStillTolerated() {
        assertEquals(Optional.empty(), ReconcileWriter.overBudget(0, 0, Optional.empty()).map(Exception::getMessage));
        assertEquals(Optional.empty(), ReconcileWriter.overBudget(5000, 5000, Optional.of("timeout")).map(Exception::getMessage));
        assertTrue(ReconcileWriter.overBudget(5001, 5000, Optional.of("timeout")).isPresent());
        assertTrue(ReconcileWriter.overBudget(1, 0, Optional.empty()).isPresent(), "a budget of 0 tolerates none");
    }

    @Test
    void theFailureSaysHowManyTheBudgetTheSettingAndTheLastReason() {
        String message = ReconcileWriter.overBudget(1200, 1000, Optional.of("HTTP 503 after 5 attempts"))
                .orElseThrow().getMessage();
        assertEquals("upstream errors for 1200 persons exceed the error budget of 1000 (krr.reconcile.error-budget); "
                + "last: HTTP 503 after 5 attempts", message);
    }

    @Test
    void withoutAFailedCallTheReasonIsTheInvalidAnswers() {
        String message = ReconcileWriter.overBudget(3, 2, Optional.empty()).orElseThrow().getMessage();
        assertTrue(message.endsWith("last: invalid upstream answers"), message);
    }

    @Test
    void aRefusalCarriesUpstreamsReason() {
        assertEquals("HTTP 403: scope not granted", new ReconcileWriter.UpstreamRefused("HTTP 403: scope not granted").getMessage());
    }
}
