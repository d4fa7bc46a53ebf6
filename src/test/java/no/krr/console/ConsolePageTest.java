package no.krr.console;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConsolePageTest {

    @Test
    void everyValueIsEscaped() {
        String page = ConsolePage.of("<b>", "\"x\" & <script>alert(1)</script>", "'", "/console/login?a=1&b=2");
        assertFalse(page.contains("<script>"));
        assertTrue(page.contains("&quot;x&quot; &amp; &lt;script&gt;"));
        assertTrue(page.contains("href=\"/console/login?a=1&amp;b=2\""));
    }

    @Test
    void noPageRunsAScript() {
        assertFalse(ConsolePage.of("t", "m", "l", "/").contains("<script"));
        assertFalse(ConsolePage.onward("/console/").contains("<script"));
    }
}
