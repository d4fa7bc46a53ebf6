package no.krr.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import no.krr.admin.StartedBy;
import org.junit.jupiter.api.Test;

/** The scheduled reconciliation starts without any token, and its run says it was the schedule. */
class ScheduledStartTest {

    record Start(Mode mode, String trigger, StartedBy by) {
    }

    static final class RecordingReconciliations extends Reconciliations {
        final List<Start> starts = new ArrayList<>();
        boolean busy;

        @Override
        public long start(Mode mode, OptionalLong allowDeletions, String trigger, StartedBy startedBy) throws AlreadyRunning {
            if (busy) {
                throw new AlreadyRunning(Optional.of(7L));
            }
            starts.add(new Start(mode, trigger, startedBy));
            return starts.size();
        }
    }

    @Test
    void aScheduledRunIsStartedBySchedule() {
        ReconcileSchedule schedule = new ReconcileSchedule();
        RecordingReconciliations reconciliations = new RecordingReconciliations();
        schedule.reconciliations = reconciliations;
        schedule.run(Mode.RECONCILE);
        assertEquals(List.of(new Start(Mode.RECONCILE, "schedule", StartedBy.SCHEDULE)), reconciliations.starts);
        assertEquals("schedule", reconciliations.starts.get(0).by().format());
    }

    @Test
    void aRunAlreadyGoingIsNoFailureOfTheSchedule() {
        ReconcileSchedule schedule = new ReconcileSchedule();
        RecordingReconciliations reconciliations = new RecordingReconciliations();
        reconciliations.busy = true;
        schedule.reconciliations = reconciliations;
        schedule.run(Mode.VERIFY);
        assertEquals(List.of(), reconciliations.starts);
    }
}
