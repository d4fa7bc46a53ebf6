package no.krr.reconcile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class DeletionGuardTest {

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
