package no.krr.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProblemTest {

    @Test
    void membersComeInTheOrderTypeTitleStatusDetail() {
        Problem problem = Problem.of(404, "no-such-job", "No such job execution", "There is no job execution 7.");

        assertEquals("{\"type\":\"urn:krr:problem:no-such-job\",\"title\":\"No such job execution\",\"status\":404,"
                + "\"detail\":\"There is no job execution 7.\"}", problem.toJson());
    }

    @Test
    void withoutADetailTheStatusGivesOne() {
        assertEquals("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
                        + "\"detail\":\"There is nothing at this path; the API description is at /openapi.\"}",
                Problem.ofStatus(404, null).toJson());
    }

    @Test
    void aBlankDetailIsReplacedToo() {
        assertEquals(Problem.detailOf(406), Problem.ofStatus(406, " ").detail());
        assertTrue(Problem.detailOf(406).contains("Accept"));
        assertTrue(Problem.detailOf(415).contains("Content-Type"));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 405, 406, 408, 409, 411, 412, 413, 414, 415, 416, 418, 422, 429, 431,
            500, 501, 502, 503, 504, 505, 599})
    void everyStatusHasAllFourMembers(int status) {
        Problem problem = Problem.ofStatus(status, null);

        assertEquals(status, problem.status());
        assertFalse(problem.title().isBlank());
        assertFalse(problem.detail().isBlank());
        assertTrue(problem.toJson().contains("\"detail\":"), problem.toJson());
    }

    @Test
    void aGivenDetailWins() {
        assertEquals("Only 16 KiB here.", Problem.ofStatus(413, "Only 16 KiB here.").detail());
    }

    @Test
    void statusIsANumber() {
        assertEquals("{\"type\":\"about:blank\",\"title\":\"Internal Server Error\",\"status\":500,"
                        + "\"detail\":\"The server failed to handle the request.\"}",
                Problem.ofStatus(500, "The server failed to handle the request.").toJson());
    }

    @Test
    void anUnknownStatusGetsAGenericTitle() {
        assertEquals("HTTP 599", Problem.ofStatus(599, null).title());
    }

    @Test
    void detailIsEscapedAsJson() {
        assertEquals("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                        + "\"detail\":\"a \\\"quoted\\\" word\\nand a new line\"}",
                Problem.ofStatus(400, "a \"quoted\" word\nand a new line").toJson());
    }

    @Test
    void theMediaTypeIsProblemJson() {
        assertEquals("application/problem+json", Problem.MEDIA_TYPE);
    }
}
