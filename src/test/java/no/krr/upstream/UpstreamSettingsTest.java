package no.krr.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpstreamSettingsTest {

    @Test
    void contractDefaults() {
        UpstreamSettings settings = UpstreamSettings.of(Map.of());
        assertEquals(URI.create("https://kontaktregisteret.no"), settings.url());
        assertEquals(1000, settings.batchSize());
        assertEquals(5, settings.maxAttempts());
        assertEquals(Duration.ofSeconds(10), settings.timeout());
        assertEquals(Duration.ofSeconds(60), settings.retryAfterMax());
        assertEquals(Duration.ofSeconds(5), settings.circuitDelay());
    }

    @Test
    void aTrailingSlashOfTheUrlIsDropped() {
        assertEquals(URI.create("http://127.0.0.1:8180/register"),
                UpstreamSettings.of(Map.of(UpstreamSettings.URL, "http://127.0.0.1:8180/register/")).url());
    }

    @Test
    void batchSizeFrom1To1000() {
        assertEquals(1, UpstreamSettings.of(Map.of(UpstreamSettings.BATCH_SIZE, "1")).batchSize());
        assertEquals(1000, UpstreamSettings.of(Map.of(UpstreamSettings.BATCH_SIZE, " 1000 ")).batchSize());
        for (String wrong : new String[] {"0", "1001", "-5", "many", "1e3"}) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> UpstreamSettings.of(Map.of(UpstreamSettings.BATCH_SIZE, wrong)).batchSize());
            assertTrue(e.getMessage().startsWith("krr.reconcile.batch-size=" + wrong + " is not a whole number from 1 to 1000"),
                    e.getMessage());
        }
    }

    @Test
    void aWrongUrlIsNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> UpstreamSettings.of(Map.of(UpstreamSettings.URL, "kontaktregisteret.no")).url());
        assertTrue(e.getMessage().startsWith("krr.upstream.url="), e.getMessage());
    }
}
