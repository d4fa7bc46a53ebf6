package no.krr.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parts of {@link ReconcileStore} that are arithmetic: a run's report counts and its partitions' sizes. */
class ReconcileStoreTest {

    @Test
    void everyKindIsCountedZeroWhenNoneWasFound() {
        ReconcileStore.Counts counts = ReconcileStore.Counts.of(10, 0, 0, 0, Map.of());
        assertEquals(new ReconcileStore.Counts(10, 10, 0, 0, 0, 0, zeros()), counts);
        assertEquals(List.of(DiscrepancyKind.values()), List.copyOf(counts.byKind().keySet()), "in the kinds' order");
    }

    @Test
    void discrepanciesAreFindingsAndMatchedArePersonsWithoutOne() {
        Map<DiscrepancyKind, Long> found = Map.of(DiscrepancyKind.SPRAAK_UPSTREAM_NEWER, 3L,
                DiscrepancyKind.VARSLINGSSTATUS_MISMATCH, 2L, DiscrepancyKind.UPSTREAM_ERROR, 4L);
        // 8 persons with findings: one of them had two (spraak and varslingsstatus)
        ReconcileStore.Counts counts = ReconcileStore.Counts.of(100, 8, 4, 1, found);
        assertEquals(100, counts.checked());
        assertEquals(92, counts.matched());
        assertEquals(9, counts.discrepancies());
        assertEquals(4, counts.corrected());
        assertEquals(4, counts.upstreamErrors());
        assertEquals(1, counts.held());
        assertEquals(3L, counts.byKind().get(DiscrepancyKind.SPRAAK_UPSTREAM_NEWER));
        assertEquals(0L, counts.byKind().get(DiscrepancyKind.STATUS_MISMATCH));
    }

    @Test
    void matchedIsNeverNegative() {
        assertEquals(0, ReconcileStore.Counts.of(2, 5, 0, 0, Map.of(DiscrepancyKind.UPSTREAM_ERROR, 5L)).matched());
    }

    @Test
    void partitionsAreOfAboutEqualSize() {
        assertEquals(List.of(2L, 5L, 7L, 10L), ReconcileStore.upperPositions(10, 4));
        assertEquals(List.of(250L, 500L, 750L, 1000L), ReconcileStore.upperPositions(1000, 4));
    }

    @Test
    void thereAreNoMorePartitionsThanPersonsAndAlwaysOne() {
        assertEquals(List.of(1L, 2L), ReconcileStore.upperPositions(2, 4));
        assertEquals(List.of(1L), ReconcileStore.upperPositions(1, 64));
        assertEquals(List.of(0L), ReconcileStore.upperPositions(0, 4), "an empty register still has its one partition");
        assertEquals(List.of(7L), ReconcileStore.upperPositions(7, 1));
    }

    private static Map<DiscrepancyKind, Long> zeros() {
        Map<DiscrepancyKind, Long> zeros = new EnumMap<>(DiscrepancyKind.class);
        for (DiscrepancyKind kind : DiscrepancyKind.values()) {
            zeros.put(kind, 0L);
        }
        return zeros;
    }
}
