package no.krr.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.ProcessingException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import no.krr.upstream.UpstreamFailure.Kind;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;

class UpstreamFailureTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private static UpstreamFailure status(int status, String retryAfter, String body) {
        return UpstreamFailure.of(new UpstreamResponse(status, Optional.ofNullable(retryAfter), body), NOW).orElseThrow();
    }

    @Test
    void successIsNoFailure() {
        assertEquals(Optional.empty(), UpstreamFailure.of(new UpstreamResponse(200, Optional.empty(), "{}"), NOW));
        assertEquals(Optional.empty(), UpstreamFailure.of(new UpstreamResponse(204, Optional.empty(), ""), NOW));
    }

    @Test
    void rateLimitsAreRetriedAfterRetryAfter() {
        UpstreamFailure failure = status(429, "1", "");
        assertEquals(Kind.RATE_LIMITED, failure.kind());
        assertTrue(failure.retryable());
        assertEquals(Optional.of(Duration.ofSeconds(1)), failure.retryAfter());
        assertEquals(Optional.of(Duration.ofSeconds(30)), status(429, "Sun, 01 Mar 2026 12:00:30 GMT", "").retryAfter());
    }

    @Test
    void serverErrorsAreRetriedAndOnly503HonoursRetryAfter() {
        UpstreamFailure unavailable = status(503, "2", "");
        assertEquals(Kind.UNAVAILABLE, unavailable.kind());
        assertTrue(unavailable.retryable());
        assertEquals(Optional.of(Duration.ofSeconds(2)), unavailable.retryAfter());
        assertEquals(Optional.empty(), status(503, null, "").retryAfter());
        for (int code : new int[] {500, 502, 504, 599}) {
            UpstreamFailure failure = status(code, "7", "");
            assertEquals(Kind.UNAVAILABLE, failure.kind(), "HTTP " + code);
            assertTrue(failure.retryable());
            assertEquals(Optional.empty(), failure.retryAfter(), "HTTP " + code);
        }
    }

    @Test
    void unauthorizedIsItsOwnKind() {
        UpstreamFailure failure = status(401, null, "");
        assertEquals(Kind.UNAUTHORIZED, failure.kind());
        assertFalse(failure.retryable(), "the loop retries it once itself, with a fresh token");
    }

    @Test
    void otherClientErrorsFailAtOnce() {
        for (int code : new int[] {400, 403, 404, 405, 413, 422, 301}) {
            UpstreamFailure failure = status(code, "1", "");
            assertEquals(Kind.REFUSED, failure.kind(), "HTTP " + code);
            assertFalse(failure.retryable(), "HTTP " + code);
            assertTrue(failure.reason().contains("HTTP " + code), failure.reason());
        }
    }

    @Test
    void theReasonQuotesAProblemTitleButNeverAnIdOrTheRawBody() {
        UpstreamFailure problem = status(400, null,
                "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"detail\":\"ugyldig personidentifikator 23079421936\"}");
        assertEquals("the upstream register answered HTTP 400: ugyldig personidentifikator 230794*****", problem.reason());
        UpstreamFailure html = status(502, null, "<html>23079421936 Bearer abc.def</html>");
        assertEquals("the upstream register answered HTTP 502", html.reason());
    }

    @Test
    void exceptionsAreClassified() {
        assertEquals(Kind.TIMEOUT, UpstreamFailure.of(new TimeoutException("ft"), NOW).kind());
        assertEquals(Kind.TIMEOUT, UpstreamFailure.of(new ProcessingException(new SocketTimeoutException("read timed out")), NOW).kind());
        assertEquals(Kind.TIMEOUT, UpstreamFailure.of(new HttpTimeoutException("request timed out"), NOW).kind());
        assertEquals(Kind.CIRCUIT_OPEN, UpstreamFailure.of(new CircuitBreakerOpenException("open"), NOW).kind());
        assertEquals(Kind.CONNECTION, UpstreamFailure.of(new ProcessingException(new ConnectException("refused")), NOW).kind());
        assertEquals(Kind.CONNECTION, UpstreamFailure.of(new ProcessingException(new UnknownHostException("x")), NOW).kind());
        assertEquals(Kind.CONNECTION, UpstreamFailure.of(new IOException("reset"), NOW).kind());
        assertEquals(Kind.CONNECTION, UpstreamFailure.of(new ProcessingException("closed"), NOW).kind());
        UpstreamFailure bug = UpstreamFailure.of(new IllegalStateException("oops"), NOW);
        assertEquals(Kind.UNEXPECTED, bug.kind());
        assertFalse(bug.retryable());
        for (Kind kind : new Kind[] {Kind.TIMEOUT, Kind.CONNECTION, Kind.CIRCUIT_OPEN}) {
            assertTrue(new UpstreamFailure(kind, "x", Optional.empty()).retryable(), kind.name());
        }
    }

    @Test
    void anUnavailableExceptionCarriesItsAnswer() {
        UpstreamFailure failure = UpstreamFailure.of(
                new UpstreamUnavailableException(new UpstreamResponse(429, Optional.of("3"), "")), NOW);
        assertEquals(Kind.RATE_LIMITED, failure.kind());
        assertEquals(Optional.of(Duration.ofSeconds(3)), failure.retryAfter());
    }

    @Test
    void malformedBodiesAreRetried() {
        UpstreamFailure failure = UpstreamFailure.malformed("not JSON");
        assertEquals(Kind.MALFORMED, failure.kind());
        assertTrue(failure.retryable());
    }

    @Test
    void onlyOverloadAndServerErrorsCountAgainstTheCircuit() {
        assertTrue(new UpstreamResponse(429, Optional.empty(), "").registerInTrouble());
        assertTrue(new UpstreamResponse(500, Optional.empty(), "").registerInTrouble());
        assertTrue(new UpstreamResponse(503, Optional.empty(), "").registerInTrouble());
        assertFalse(new UpstreamResponse(200, Optional.empty(), "").registerInTrouble());
        assertFalse(new UpstreamResponse(400, Optional.empty(), "").registerInTrouble());
        assertFalse(new UpstreamResponse(401, Optional.empty(), "").registerInTrouble());
    }

    @Test
    void redactionMasksIdsAndTokens() {
        assertEquals("id 230794***** and [token] and Bearer [token]",
                Redact.text("id 23079421936 and eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln and Bearer mp-abc_DEF-123"));
        assertEquals("12345678901234 stays", Redact.text("12345678901234 stays"), "not an id: 14 digits");
        assertEquals("one line", Redact.text("one\n  line"));
    }
}
