package no.krr.logging;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Logger;

/**
 * Masks national ids in every log line from the moment the application starts (lines of the
 * server's start-up before that carry none). Undone when the application stops, so that a
 * redeployment does not stack wrappers or keep this class loader alive from the server's handlers.
 */
@ApplicationScoped
public class LogMaskingStartup {

    private static final Logger LOG = Logger.getLogger(LogMaskingStartup.class.getName());

    private List<Handler> wrapped = List.of();

    void startUp(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        wrapped = LogMasking.install(Logger.getLogger(""));
        LOG.info(() -> "National ids are masked in the log lines of " + wrapped.size() + " log handler(s)");
    }

    @PreDestroy
    void shutDown() {
        LogMasking.uninstall(wrapped);
    }
}
