package no.krr.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Payara's MicroProfile JWT store logs a full stack trace for every token it rejects. This keeps
 * that to one line per rejection, with the reason and without the token or a national id.
 */
@ApplicationScoped
public class RejectedTokenLog {

    static final String PAYARA_JWT_LOGGER = "fish.payara.microprofile.jwtauth.eesecurity.SignedJWTIdentityStore";
    private static final Logger LOG = Logger.getLogger(RejectedTokenLog.class.getName());
    private static final Pattern JWT_LIKE = Pattern.compile("eyJ[A-Za-z0-9_\\-]*(\\.[A-Za-z0-9_\\-]*)*");
    private static final Pattern ELEVEN_DIGITS = Pattern.compile("(?<!\\d)(\\d{6})\\d{5}(?!\\d)");

    // a strong reference: java.util.logging forgets configuration of loggers nobody holds
    private static final Logger PAYARA_JWT = Logger.getLogger(PAYARA_JWT_LOGGER);

    void install(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        for (Handler handler : PAYARA_JWT.getHandlers()) {
            if (handler instanceof OneLine) {
                return;
            }
        }
        PAYARA_JWT.setUseParentHandlers(false);
        PAYARA_JWT.addHandler(new OneLine());
    }

    /** The reason of a rejection, safe to log: innermost message, no token, national ids masked. */
    static String reason(Throwable thrown) {
        Throwable cause = thrown;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        message = JWT_LIKE.matcher(message).replaceAll("<token>");
        message = ELEVEN_DIGITS.matcher(message).replaceAll("$1*****");
        message = message.replaceAll("[\\r\\n\\t]+", " ");
        return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }

    private static final class OneLine extends Handler {
        @Override
        public void publish(LogRecord record) {
            if (record.getThrown() != null) {
                LOG.info("Rejected access token: " + reason(record.getThrown()));
            } else if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                LOG.warning("MicroProfile JWT: " + reason(new RuntimeException(String.valueOf(record.getMessage()))));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
