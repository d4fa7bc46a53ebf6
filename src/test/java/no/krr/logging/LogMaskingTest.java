package no.krr.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.List;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LogMaskingTest {

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final Formatter original = new SimpleFormatter();
    private StreamHandler handler;
    private Logger logger;

    @BeforeEach
    void aLoggerWithItsOwnHandler() {
        handler = new StreamHandler(written, original);
        logger = Logger.getAnonymousLogger();
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
    }

    @AfterEach
    void detach() {
        logger.removeHandler(handler);
    }

    private String text() {
        handler.flush();
        return written.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theMessageItsParametersAndTheExceptionChainAreMasked() {
        LogMasking.install(logger);

        logger.log(Level.SEVERE, "Unhandled failure on /admin/v1/persons/23079421936/audit");
        logger.log(Level.WARNING, "person {0} at {1}", new Object[] {"04846697271", "/rest/v1/person"});
        Exception database = new RuntimeException("Internal Exception: duplicate key",
                new SQLIntegrityConstraintViolationException("ERROR: duplicate key value violates unique constraint "
                        + "\"person_pkey\"\n  Detail: Key (id)=(11887197158) already exists."));
        logger.log(Level.SEVERE, "Unhandled failure", database);

        String text = text();
        for (String id : List.of("23079421936", "04846697271", "11887197158")) {
            assertFalse(text.contains(id), id + " in clear: " + text);
        }
        assertTrue(text.contains("/admin/v1/persons/230794*****/audit"), text);
        assertTrue(text.contains("person 048466***** at /rest/v1/person"), text);
        assertTrue(text.contains("Key (id)=(118871*****) already exists."), text);
        assertTrue(text.contains("at no.krr.logging.LogMaskingTest"), "the stack trace stays: " + text);
    }

    @Test
    void formatMessageIsMaskedToo() {
        LogMasking.install(logger);
        LogRecord record = new LogRecord(Level.INFO, "pid {0}");
        record.setParameters(new Object[] {"23079421936"});

        assertEquals("pid 230794*****", handler.getFormatter().formatMessage(record));
    }

    @Test
    void installingTwiceWrapsOnce() {
        assertEquals(List.of(handler), LogMasking.install(logger));
        assertEquals(List.of(), LogMasking.install(logger));

        logger.info("23079421936");

        assertTrue(text().contains("230794*****"));
        assertSame(original, ((MaskingFormatter) handler.getFormatter()).delegate());
    }

    @Test
    void uninstallPutsTheOriginalFormatterBack() {
        List<Handler> wrapped = LogMasking.install(logger);

        LogMasking.uninstall(wrapped);

        assertSame(original, handler.getFormatter());
    }

    @Test
    void uninstallLeavesAFormatterSomeoneElseSetAlone() {
        List<Handler> wrapped = LogMasking.install(logger);
        Formatter replaced = new SimpleFormatter();
        handler.setFormatter(replaced);

        LogMasking.uninstall(wrapped);

        assertSame(replaced, handler.getFormatter());
    }
}
