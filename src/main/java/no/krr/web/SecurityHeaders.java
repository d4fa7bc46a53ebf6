package no.krr.web;

import java.util.Map;

/**
 * The headers every response carries, whoever answers it in the WAR: the APIs, the error page,
 * the static Swagger UI, and Payara's own endpoints of the application ({@code /health},
 * {@code /openapi}, {@code /metrics}).
 *
 * <p>{@code nosniff} keeps a browser from reading a JSON or text body as HTML or script. The
 * Content-Security-Policy of everything but the Swagger UI allows nothing at all: no response of
 * the service is a page that needs a script, a style or an image, so a body a browser renders
 * anyway (a JSON string an attacker chose, Payara's "Document moved" page) runs nothing. The
 * Swagger UI gets only what its page needs ({@code index.html} holds no inline script):
 * scripts and its stylesheet from this origin, images from this origin and {@code data:} (the
 * stylesheet's icons are {@code data:} SVGs), {@code fetch} to this origin (the description at
 * {@code /openapi} and "Try it out"). No {@code 'unsafe-inline'} and no {@code 'unsafe-eval'}: the
 * bundle sets styles through the DOM, which a policy does not restrict, and its one
 * {@code new Function} sits in a {@code try} with a fallback.
 */
public final class SecurityHeaders {

    public static final String NOSNIFF = "nosniff";

    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    static final String SWAGGER_UI_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /**
     * The operator console: its scripts, styles (Designsystemet's, packaged) and fonts from this
     * origin, calls to this origin, forms only to this origin (none post today), still no inline
     * script or style and no framing.
     */
    static final String CONSOLE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private SecurityHeaders() {
    }

    /** The headers for a request to this path (the path inside the application, e.g. {@code /swagger-ui/index.html}). */
    public static Map<String, String> forPath(String path) {
        return Map.of("X-Content-Type-Options", NOSNIFF, "Content-Security-Policy", policyFor(path));
    }

    static String policyFor(String path) {
        // the UI's page and the packaged webjar it loads (whose own sample index.html is served too)
        if (path.startsWith("/console/") || path.equals("/console")) {
            return CONSOLE_POLICY;
        }
        return path.startsWith("/swagger-ui/") || path.equals("/swagger-ui") || path.startsWith("/webjars/")
                ? SWAGGER_UI_POLICY : API_POLICY;
    }
}
