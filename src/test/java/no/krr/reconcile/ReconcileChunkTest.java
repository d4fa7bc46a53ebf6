package no.krr.reconcile;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.krr.person.NationalId;
import no.krr.person.PersonRecord;
import no.krr.person.Status;
import no.krr.person.Varslingsstatus;
import no.krr.reconcile.PersonVerdict.Plan;
import no.krr.reconcile.PersonVerdict.Planned;
import no.krr.upstream.UpstreamRegister.Answer;
import org.junit.jupiter.api.Test;

/** The row {@link ReconcileChunk} records for each planned finding, given what the person's repair came to. */
class ReconcileChunkTest {

    private static final NationalId PID = new NationalId("11822648950");
    private static final long RUN = 42;
    private static final LocalSnapshot LOCAL = new LocalSnapshot(PID, 7, Status.AKTIV, Optional.empty(), Optional.empty(),
            Optional.of(Varslingsstatus.KAN_VARSLES));
    private static final PersonRecord UPSTREAM = new PersonRecord(PID, Status.AKTIV, Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.of(Varslingsstatus.KAN_IKKE_VARSLES), PersonRecord.Channel.NONE,
            PersonRecord.Channel.NONE, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    private static final Finding VARSLING = new Finding(DiscrepancyKind.VARSLINGSSTATUS_MISMATCH,
            Optional.of("KAN_VARSLES"), Optional.of("KAN_IKKE_VARSLES"));

    private static Discrepancy record(Plan plan, Action repaired) {
        Planned planned = new Planned(VARSLING, plan, Optional.empty());
        return ReconcileChunk.record(RUN, LOCAL, new PersonVerdict(Optional.of(UPSTREAM), List.of(planned)), planned, repaired);
    }

    private static void assertRow(Discrepancy d, Action action, Optional<String> detail, Optional<Long> version) {
        assertAll(
                () -> assertEquals(PID, d.personidentifikator()),
                () -> assertEquals(action, d.action()),
                () -> assertEquals(detail, d.detail()),
                () -> assertEquals(version, d.personVersion()));
    }

    @Test
    void aRepairThatWasAppliedIsUpdatedAgainstTheVersionRead() {
        Discrepancy d = record(Plan.REPAIR, Action.UPDATED);
        assertRow(d, Action.UPDATED, Optional.empty(), Optional.of(7L));
        assertEquals(DiscrepancyKind.VARSLINGSSTATUS_MISMATCH, d.kind());
        assertEquals(Optional.of("KAN_VARSLES"), d.localValue());
        assertEquals(Optional.of("KAN_IKKE_VARSLES"), d.upstreamValue());
    }

    @Test
    void aRepairOfAPersonChangedSinceSaysWhy() {
        assertRow(record(Plan.REPAIR, Action.SKIPPED_CHANGED), Action.SKIPPED_CHANGED,
                Optional.of(Repairs.CHANGED_SINCE_READ), Optional.of(7L));
    }

    @Test
    void theOtherPlansAreRecordedAsTheyAreWhateverTheRepairCameTo() {
        for (Action repaired : List.of(Action.NONE, Action.UPDATED, Action.SKIPPED_CHANGED)) {
            assertRow(record(Plan.NONE, repaired), Action.NONE, Optional.empty(), Optional.of(7L));
            assertRow(record(Plan.KEPT_LOCAL, repaired), Action.KEPT_LOCAL, Optional.empty(), Optional.of(7L));
            assertRow(record(Plan.HELD, repaired), Action.HELD, Optional.empty(), Optional.of(7L));
        }
    }

    @Test
    void anUpstreamErrorCarriesItsReasonAndNoVersion() {
        PersonVerdict verdict = PersonVerdict.decide(LOCAL, new Answer(Map.of(), Map.of()), Optional.of("HTTP 503"),
                Mode.RECONCILE);
        Discrepancy d = ReconcileChunk.record(RUN, LOCAL, verdict, verdict.findings().get(0), Action.UPDATED);
        assertRow(d, Action.NONE, Optional.of("HTTP 503"), Optional.empty());
        assertEquals(DiscrepancyKind.UPSTREAM_ERROR, d.kind());
        assertEquals(Optional.empty(), d.localValue());
    }

    @Test
    void longValuesAreCutToTheColumns() {
        String long500 = "x".repeat(500);
        Planned planned = new Planned(new Finding(DiscrepancyKind.SPRAAK_LOCAL_NEWER, Optional.of(long500),
                Optional.of(long500)), Plan.KEPT_LOCAL, Optional.empty());
        Discrepancy d = ReconcileChunk.record(RUN, LOCAL, new PersonVerdict(Optional.of(UPSTREAM), List.of(planned)),
                planned, Action.NONE);
        assertEquals(400, d.localValue().orElseThrow().length());
        assertEquals(400, d.upstreamValue().orElseThrow().length());
        d.settled(Action.NONE, Optional.of(long500));
        assertEquals(400, d.detail().orElseThrow().length());
    }
}
