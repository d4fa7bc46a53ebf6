package no.krr.admin;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;

/**
 * How far a job has come: {@code done} of {@code total} items, the rate of this execution and the
 * estimated time left at that rate.
 */
public record Progress(long done, long total, long doneThisRun, Duration elapsedThisRun) {

    public double percent() {
        return total <= 0 ? 100.0 : Math.min(100.0, 100.0 * done / total);
    }

    public double perSecond() {
        double seconds = elapsedThisRun.toMillis() / 1000.0;
        return seconds <= 0 ? 0 : doneThisRun / seconds;
    }

    /** Seconds left at the current rate; empty while there is no rate to go by. */
    public java.util.OptionalLong etaSeconds() {
        double rate = perSecond();
        if (done >= total) {
            return java.util.OptionalLong.of(0);
        }
        return rate <= 0 ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(Math.round((total - done) / rate));
    }

    public JsonObjectBuilder toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("done", done)
                .add("total", total)
                .add("percent", Math.round(percent() * 10) / 10.0)
                .add("perSecond", Math.round(perSecond() * 10) / 10.0);
        etaSeconds().ifPresent(eta -> json.add("etaSeconds", eta));
        return json;
    }
}
