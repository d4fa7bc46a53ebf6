package no.krr.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.batch.runtime.BatchStatus;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.TreeMap;
import no.krr.admin.StartedBy;
import org.junit.jupiter.api.Test;

/** The job parameters {@link Reconciliations} starts a run with, and which runs it restarts. */
class ReconciliationsTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-12-03T02:00:00Z");
    private static final StartedBy OPERATOR = StartedBy.operator(Optional.of("operator-1"), Optional.of("krr-admin-console"));

    private static ReconcileSettings settings() {
        ReconcileSettings settings = new ReconcileSettings();
        settings.partitions = 3;
        settings.batchSize = 250;
        settings.errorBudget = 40;
        settings.maxDeletions = 500;
        return settings;
    }

    private static Map<String, String> asMap(Properties p) {
        Map<String, String> map = new TreeMap<>();
        p.stringPropertyNames().forEach(name -> map.put(name, p.getProperty(name)));
        return map;
    }

    @Test
    void aStartCarriesTheModeTheSettingsTheTokenWhoAndWhy() {
        Properties p = Reconciliations.startParameters(Mode.VERIFY, OptionalLong.empty(), "api", OPERATOR, "host/t1", settings());
        assertEquals(Map.of("mode", "VERIFY", "partitions", "3", "batchSize", "250", "errorBudget", "40",
                "maxDeletions", "500", "lockToken", "host/t1", "trigger", "api",
                "startedBy", OPERATOR.format()), asMap(p));
    }

    @Test
    void anOperatorsDeletionLimitIsAParameterOfItsOwnBesideTheSetting() {
        Properties p = Reconciliations.startParameters(Mode.RECONCILE, OptionalLong.of(1200), "api", OPERATOR, "t", settings());
        assertEquals("1200", p.getProperty(RunParameters.ALLOW_DELETIONS));
        assertEquals("500", p.getProperty(RunParameters.MAX_DELETIONS));
        assertEquals("RECONCILE", p.getProperty(RunParameters.MODE));
    }

    @Test
    void aScheduledStartSaysSo() {
        Properties p = Reconciliations.startParameters(Mode.RECONCILE, OptionalLong.empty(), "schedule", StartedBy.SCHEDULE,
                "t", settings());
        assertEquals("schedule", p.getProperty(RunParameters.TRIGGER));
        assertEquals(Optional.of(StartedBy.SCHEDULE), StartedBy.of(p));
        assertFalse(p.containsKey(RunParameters.ALLOW_DELETIONS));
        assertFalse(p.containsKey(RunParameters.RUN_ID), "a new start is a new run");
    }

    @Test
    void anOrphanGoesOnAsItsRunInItsModeRestartedByWhoeverRestartsIt() {
        ReconciliationRun run = new ReconciliationRun(17, Mode.RECONCILE, 1000, "{}", AT);
        Properties p = Reconciliations.orphanParameters(run, OPERATOR, "host/t2", settings());
        assertEquals(Map.of("mode", "RECONCILE", "partitions", "3", "batchSize", "250", "errorBudget", "40",
                "maxDeletions", "500", "lockToken", "host/t2", "trigger", "restart", "runId", "17",
                "startedBy", OPERATOR.format()), asMap(p));
        assertEquals(17, RunIds.of(99, p), "the new job instance carries the run's id");
    }

    @Test
    void onlyARunThatCompletedIsNotRestarted() {
        ReconciliationRun run = new ReconciliationRun(17, Mode.VERIFY, 10, "{}", AT);
        assertFalse(Reconciliations.completed(run), "still running (or killed): no end recorded");
        for (BatchStatus status : BatchStatus.values()) {
            run.ended(AT, status);
            assertEquals(status == BatchStatus.COMPLETED, Reconciliations.completed(run), status.name());
        }
        run.resumed(5, AT);
        assertFalse(Reconciliations.completed(run), "a resumed run has no end yet");
    }

    @Test
    void theStoredParametersLeaveTheLockTokenOut() {
        Properties p = Reconciliations.startParameters(Mode.VERIFY, OptionalLong.empty(), "api", StartedBy.SCHEDULE,
                "host/secret", settings());
        String described = RunIds.describe(p);
        assertFalse(described.contains("secret"), described);
        assertTrue(described.contains("mode=VERIFY"), described);
    }
}
