package no.krr.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProgressTest {

    private static final double EXACT = 0.0;

    @Test
    void percentIsDoneOverTotal() {
        assertEquals(25.0, new Progress(250, 1000, 250, Duration.ofSeconds(10)).percent(), EXACT);
        assertEquals(0.0, new Progress(0, 1000, 0, Duration.ZERO).percent(), EXACT);
        assertEquals(100.0, new Progress(1000, 1000, 1000, Duration.ofSeconds(10)).percent(), EXACT);
    }

    @Test
    void percentNeverExceedsAHundred() {
        assertEquals(100.0, new Progress(1200, 1000, 1200, Duration.ofSeconds(10)).percent(), EXACT);
    }

    @Test
    void perSecondIsTheRateOfThisRunOnly() {
        // 900 done before a restart, 100 in the 20 seconds of this run
        assertEquals(5.0, new Progress(1000, 2000, 100, Duration.ofSeconds(20)).perSecond(), EXACT);
        assertEquals(2.0, new Progress(1, 10, 1, Duration.ofMillis(500)).perSecond(), EXACT);
    }

    @Test
    void perSecondIsZeroBeforeAnyTimeHasPassed() {
        assertEquals(0.0, new Progress(0, 100, 0, Duration.ZERO).perSecond(), EXACT);
        assertEquals(0.0, new Progress(5, 100, 5, Duration.ZERO).perSecond(), EXACT);
    }

    @Test
    void etaIsTheRestAtTheCurrentRate() {
        // 1000 left at 5 per second
        assertEquals(OptionalLong.of(200), new Progress(1000, 2000, 100, Duration.ofSeconds(20)).etaSeconds());
    }

    @Test
    void etaIsAbsentWithoutARate() {
        assertEquals(OptionalLong.empty(), new Progress(0, 100, 0, Duration.ZERO).etaSeconds());
        assertEquals(OptionalLong.empty(), new Progress(40, 100, 0, Duration.ofSeconds(30)).etaSeconds());
    }

    @Test
    void etaIsZeroOnceDoneReachesTotal() {
        assertEquals(OptionalLong.of(0), new Progress(100, 100, 0, Duration.ZERO).etaSeconds());
        assertEquals(OptionalLong.of(0), new Progress(120, 100, 120, Duration.ofSeconds(3)).etaSeconds());
    }

    @Test
    void jsonCarriesEveryMemberRoundedToOneDecimal() {
        JsonObject json = new Progress(1, 3, 1, Duration.ofSeconds(3)).toJson().build();

        assertEquals(List.of("done", "total", "percent", "perSecond", "etaSeconds"), List.copyOf(json.keySet()));
        assertEquals(1, json.getJsonNumber("done").longValueExact());
        assertEquals(3, json.getJsonNumber("total").longValueExact());
        assertEquals(33.3, json.getJsonNumber("percent").doubleValue(), EXACT);
        assertEquals(0.3, json.getJsonNumber("perSecond").doubleValue(), EXACT);
        assertEquals(6, json.getJsonNumber("etaSeconds").longValueExact());
    }

    @Test
    void jsonLeavesOutEtaWithoutARate() {
        JsonObject json = new Progress(0, 100, 0, Duration.ZERO).toJson().build();

        assertFalse(json.containsKey("etaSeconds"));
        assertEquals(0.0, json.getJsonNumber("perSecond").doubleValue(), EXACT);
        assertEquals(0.0, json.getJsonNumber("percent").doubleValue(), EXACT);
    }
}
