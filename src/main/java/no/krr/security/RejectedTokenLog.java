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
    // CR, LF, tab and the other control characters, plus NEL and the Unicode line and paragraph
    // separators: any of them could start a forged log line
    private static final Pattern LINE_BREAKING = Pattern.compile("[\\p{Cntrl}\\u0085\\u2028\\u2029]+");
    /** The longest reason returned, the ellipsis of a cut message included. */
    static final int MAX_LENGTH = 200;
    private static final int MAX_CAUSE_DEPTH = 32;

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
        // bounded: a cause chain can be a cycle (a.initCause(b) after b was built with cause a)
        for (int depth = 0; depth < MAX_CAUSE_DEPTH && cause.getCause() != null && cause.getCause() != cause; depth++) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        message = JWT_LIKE.matcher(message).replaceAll("<token>");
        message = ELEVEN_DIGITS.matcher(message).replaceAll("$1*****");
        message = LINE_BREAKING.matcher(message).replaceAll(" ");
        if (message.length() <= MAX_LENGTH) {
            return message;
        }
        int cut = MAX_LENGTH - 1;
        if (Character.isHighSurrogate(message.charAt(cut - 1))) {
            cut--; // never leave half a character
        }
        return message.substring(0, cut) + "…";
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
