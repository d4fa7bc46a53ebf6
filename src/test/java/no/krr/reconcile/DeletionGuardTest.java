package no.krr.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import no.krr.person.NationalId;
import no.krr.person.PersonRecord;
import no.krr.person.Status;
import org.junit.jupiter.api.Test;

class DeletionGuardTest {

    private static final NationalId ID = new NationalId("11822648950");
    private static final Finding STATUS = new Finding(DiscrepancyKind.STATUS_MISMATCH, Optional.of("AKTIV"), Optional.of("SLETTET"));
    private static final Finding VARSLING = new Finding(DiscrepancyKind.VARSLINGSSTATUS_MISMATCH, Optional.empty(), Optional.empty());

    private static PersonRecord upstream(Status status) {
        return new PersonRecord(ID, status, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                PersonRecord.Channel.NONE, PersonRecord.Channel.NONE, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    @Test
    void aRepairClearsWhenUpstreamsOtherStatusIsNotAktiv() {
        assertTrue(DeletionGuard.clears(List.of(STATUS), upstream(Status.SLETTET)));
        assertTrue(DeletionGuard.clears(List.of(STATUS), upstream(Status.IKKE_REGISTRERT)));
        assertFalse(DeletionGuard.clears(List.of(STATUS), upstream(Status.AKTIV)),
                "a person who is AKTIV again gets data, loses none");
        assertFalse(DeletionGuard.clears(List.of(VARSLING), upstream(Status.SLETTET)),
                "same status: nothing to clear");
    }

    @Test
    void theLimitIsTheSettingUnlessTheRunAllowsOther() {
        DeletionGuard setting = new DeletionGuard(500, OptionalLong.empty());
        assertTrue(setting.allows(0));
        assertTrue(setting.allows(500));
        assertFalse(setting.allows(501));
        DeletionGuard allowed = new DeletionGuard(500, OptionalLong.of(1200));
        assertTrue(allowed.allows(1200));
        assertFalse(allowed.allows(1201));
        DeletionGuard stricter = new DeletionGuard(500, OptionalLong.of(0));
        assertFalse(stricter.allows(1), "an operator may also allow fewer");
    }

    @Test
    void theRefusalSaysHowManyWhichLimitAndHowToGoOn() {
        String refusal = new DeletionGuard(500, OptionalLong.empty()).refusal(10_000);
        assertTrue(refusal.startsWith("10000 persons would be cleared"), refusal);
        assertTrue(refusal.contains("krr.reconcile.max-deletions (500)"), refusal);
        assertTrue(refusal.contains("none was cleared"), refusal);
        assertTrue(refusal.contains("{\"mode\":\"RECONCILE\",\"allowDeletions\":10000}"), refusal);
        assertTrue(new DeletionGuard(500, OptionalLong.of(20)).refusal(21).contains("allowDeletions 20 of this run"));
    }

    @Test
    void limitsAreNeverNegative() {
        assertThrows(IllegalArgumentException.class, () -> new DeletionGuard(-1, OptionalLong.empty()));
        assertThrows(IllegalArgumentException.class, () -> new DeletionGuard(5, OptionalLong.of(-1)));
    }
}
