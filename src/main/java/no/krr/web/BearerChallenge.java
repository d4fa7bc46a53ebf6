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

    public static String invalidToken(String description) {
        return "Bearer error=\"invalid_token\", error_description=\"" + quote(description) + "\"";
    }

    public static String insufficientScope(String neededScopes) {
        return "Bearer error=\"insufficient_scope\", scope=\"" + quote(neededScopes) + "\"";
    }

    public static String insufficientUserAuthentication(String acrValues) {
        return "Bearer error=\"insufficient_user_authentication\", acr_values=\"" + quote(acrValues) + "\"";
    }

    private static String quote(String value) {
        return value.replace("\\", "\\\\").replace("\"", "'");
    }
}
