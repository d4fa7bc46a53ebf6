package no.krr.logging;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Puts a {@link MaskingFormatter} around the formatter of every handler of a logger, and takes it
 * away again. Payara Micro writes its own log lines and the application's through the handlers of
 * the root logger (the console, or the file of {@code --logtofile}), so wrapping those masks the
 * server's lines too; a handler a component attaches to its own logger is not covered.
 */
public final class LogMasking {

    private LogMasking() {
    }

    /** Wraps every handler's formatter that is not wrapped yet; returns the handlers it wrapped. */
    public static List<Handler> install(Logger logger) {
        List<Handler> wrapped = new ArrayList<>();
        for (Handler handler : logger.getHandlers()) {
            Formatter formatter = handler.getFormatter();
            if (formatter instanceof MaskingFormatter) {
                continue;
            }
            // a handler without a formatter would format nothing; SimpleFormatter is what JUL's own handlers default to
            handler.setFormatter(new MaskingFormatter(formatter == null ? new SimpleFormatter() : formatter));
            wrapped.add(handler);
        }
        return wrapped;
    }

    /** Puts back the formatter of each of these handlers, unless someone replaced ours meanwhile. */
    public static void uninstall(List<Handler> handlers) {
        for (Handler handler : handlers) {
            if (handler.getFormatter() instanceof MaskingFormatter masking) {
                handler.setFormatter(masking.delegate());
            }
        }
    }
}
