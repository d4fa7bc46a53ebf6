package no.krr.web;

/**
 * RFC 6750 {@code WWW-Authenticate: Bearer} challenges. The error codes are the RFC's, plus
 * {@code insufficient_user_authentication} of RFC 9470 for an {@code acr} we do not accept.
 */
public final class BearerChallenge {

    public static final String HEADER = "WWW-Authenticate";

    private BearerChallenge() {
    }

    /** No credentials at all: a bare challenge, without an error code (RFC 6750 §3.1). */
    public static String none() {
        return "Bearer";
    }

    /** {@code error_description} is left out when there is no description. */
    public static String invalidToken(String description) {
        String challenge = "Bearer error=\"invalid_token\"";
        return description == null || description.isBlank()
                ? challenge
                : challenge + ", error_description=\"" + quote(description) + "\"";
    }

    public static String insufficientScope(String neededScopes) {
        return "Bearer error=\"insufficient_scope\", scope=\"" + quote(neededScopes) + "\"";
    }

    public static String insufficientUserAuthentication(String acrValues) {
        return "Bearer error=\"insufficient_user_authentication\", acr_values=\"" + quote(acrValues) + "\"";
    }

    /**
     * Makes a value safe inside a quoted auth-param. RFC 6750 §3 allows only %x20-21 / %x23-5B /
     * %x5D-7E in {@code error_description} and {@code scope}: a double quote becomes {@code '},
     * every other character outside that set (backslash, control characters such as CR/LF, which
     * would split the header, and non-ASCII) becomes {@code ?}.
     */
    static String quote(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder safe = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                safe.append('\'');
            } else if (c < 0x20 || c > 0x7e || c == '\\') {
                safe.append('?');
            } else {
                safe.append(c);
            }
        }
        return safe.toString();
    }
}
