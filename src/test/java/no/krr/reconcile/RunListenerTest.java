package no.krr.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.batch.runtime.BatchStatus;
import org.junit.jupiter.api.Test;

/** The end status {@link RunListener} records: it runs before the batch runtime sets the final one. */
class RunListenerTest {

    @Test
    void aRunningJobEndsCompletedAndAStoppingOneStopped() {
        assertEquals(BatchStatus.COMPLETED, RunListener.endStatus(BatchStatus.STARTED));
        assertEquals(BatchStatus.COMPLETED, RunListener.endStatus(BatchStatus.STARTING));
        assertEquals(BatchStatus.STOPPED, RunListener.endStatus(BatchStatus.STOPPING));
    }

    @Test
    void aFinalStatusIsKept() {
        for (BatchStatus status : new BatchStatus[] {BatchStatus.FAILED, BatchStatus.STOPPED, BatchStatus.COMPLETED,
                BatchStatus.ABANDONED}) {
            assertEquals(status, RunListener.endStatus(status));
        }
    }
}
