package no.krr.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void membersComeInTheOrderTypeTitleStatusDetail() {
        Problem problem = Problem.of(404, "no-such-job", "No such job execution", "There is no job execution 7.");

        assertEquals("{\"type\":\"urn:krr:problem:no-such-job\",\"title\":\"No such job execution\",\"status\":404,"
                + "\"detail\":\"There is no job execution 7.\"}", problem.toJson());
    }

    @Test
    void detailIsLeftOutWhenThereIsNone() {
        assertEquals("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404}",
                Problem.ofStatus(404, null).toJson());
    }

    @Test
    void aBlankDetailIsLeftOutToo() {
        assertEquals("{\"type\":\"about:blank\",\"title\":\"Not Acceptable\",\"status\":406}",
                Problem.ofStatus(406, " ").toJson());
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
