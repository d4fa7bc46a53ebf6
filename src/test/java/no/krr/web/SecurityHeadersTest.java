package no.krr.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecurityHeadersTest {

    @ParameterizedTest
    @ValueSource(strings = {"/rest/v1/person", "/admin/v1/jobs/1", "/.well-known/jwks.json", "/health/ready", "/openapi",
            "/metrics", "/problem", "/nothing", "/", "/swagger-ui/index.html", "/webjars/swagger-ui/5.34.1/swagger-ui-bundle.js"})
    void everyPathIsNosniffWithAPolicy(String path) {
        Map<String, String> headers = SecurityHeaders.forPath(path);

        assertEquals("nosniff", headers.get("X-Content-Type-Options"));
        assertTrue(headers.get("Content-Security-Policy").startsWith("default-src 'none';"), headers.toString());
        assertTrue(headers.get("Content-Security-Policy").contains("frame-ancestors 'none'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/rest/v1/person", "/admin/v1/persons/23079421936/audit", "/openapi", "/health/live", "/swagger-uix",
            "/problem", "/rest/swagger-ui/", "/consolex", "/admin/console/"})
    void theApisAndTheirErrorsAllowNothing(String path) {
        assertEquals(SecurityHeaders.API_POLICY, SecurityHeaders.policyFor(path));
        assertFalse(SecurityHeaders.API_POLICY.contains("'self'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/swagger-ui/index.html", "/swagger-ui/", "/swagger-ui", "/swagger-ui/init.js",
            "/webjars/swagger-ui/5.34.1/swagger-ui.css", "/webjars/swagger-ui/5.34.1/index.html"})
    void theSwaggerUiMayLoadFromItsOwnOriginOnly(String path) {
        Map<String, String> directives = directives(SecurityHeaders.policyFor(path));

        assertEquals("'self'", directives.get("script-src"));
        assertEquals("'self'", directives.get("style-src"));
        assertEquals("'self' data:", directives.get("img-src"));
        assertEquals("'self'", directives.get("connect-src"));
        assertEquals("'none'", directives.get("default-src"));
        assertFalse(SecurityHeaders.policyFor(path).contains("unsafe"), "no inline script, no eval");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/console/", "/console", "/console/index.html", "/console/js/app.js", "/console/login"})
    void theConsoleMayLoadAndPostToItsOwnOriginOnly(String path) {
        Map<String, String> directives = directives(SecurityHeaders.policyFor(path));

        assertEquals("'self'", directives.get("script-src"));
        assertEquals("'self'", directives.get("style-src"));
        assertEquals("'self'", directives.get("connect-src"));
        assertEquals("'self'", directives.get("form-action"));
        assertEquals("'none'", directives.get("frame-ancestors"));
        assertEquals("'none'", directives.get("default-src"));
        assertFalse(SecurityHeaders.policyFor(path).contains("unsafe"), "no inline script, no eval");
    }

    private static Map<String, String> directives(String policy) {
        return Arrays.stream(policy.split(";")).map(String::trim)
                .collect(Collectors.toMap(d -> d.split(" ", 2)[0], d -> d.split(" ", 2)[1]));
    }
}
