package no.krr.security;

import java.util.regex.Pattern;

/**
 * Why a token was rejected, in a form safe for the one log line per rejection: the reason may
 * quote claim values the caller chose (an issuer, an audience), so tokens are cut out, national
 * ids masked and line breaks flattened.
 */
public final class RejectedTokenLog {

    private static final Pattern JWT_LIKE = Pattern.compile("eyJ[A-Za-z0-9_\\-]*(\\.[A-Za-z0-9_\\-]*)*");
    private static final Pattern ELEVEN_DIGITS = Pattern.compile("(?<!\\d)(\\d{6})\\d{5}(?!\\d)");
    // CR, LF, tab and the other control characters, plus NEL and the Unicode line and paragraph
    // separators: any of them could start a forged log line
    private static final Pattern LINE_BREAKING = Pattern.compile("[\\p{Cntrl}\\u0085\\u2028\\u2029]+");
    /** The longest reason returned, the ellipsis of a cut message included. */
    static final int MAX_LENGTH = 200;
    private static final int MAX_CAUSE_DEPTH = 32;

    private RejectedTokenLog() {
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
}
