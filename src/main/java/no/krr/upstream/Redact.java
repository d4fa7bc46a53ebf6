package no.krr.upstream;

import java.util.regex.Pattern;
import no.krr.person.NationalId;

/**
 * Makes text from the outside (an error body, an exception message) fit for a log line or a
 * report: national ids masked, anything shaped like a JWT or a bearer token replaced, one line,
 * short. Upstream error bodies are undocumented, so we cannot know they never echo an id.
 */
final class Redact {

    private static final Pattern ELEVEN_DIGITS = Pattern.compile("(?<!\\d)\\d{11}(?!\\d)");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    static final int MAX_LENGTH = 500;

    private Redact() {
    }

    static String text(String text) {
        if (text == null) {
            return "";
        }
        String safe = ELEVEN_DIGITS.matcher(text).replaceAll(m -> NationalId.mask(m.group()));
        safe = JWT.matcher(safe).replaceAll("[token]");
        safe = BEARER.matcher(safe).replaceAll("$1[token]");
        safe = WHITESPACE.matcher(safe).replaceAll(" ").trim();
        return safe.length() > MAX_LENGTH ? safe.substring(0, MAX_LENGTH) + "…" : safe;
    }
}
