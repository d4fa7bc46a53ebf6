package no.krr.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * What the container tests do through the admin API: start an import and wait for its end. The
 * token is an admin token of the agency's identity provider ({@link #of}).
 */
public record AdminClient(String baseUri, String adminToken) {

    /** A client with a good admin token of the double's admin issuer (operator {@code AgencyIdp.DEFAULT_SUB}). */
    public static AdminClient of(String baseUri, no.krr.testdouble.OutsideWorld world) {
        return new AdminClient(baseUri, world.agency().token().mint());
    }

    private static final Set<String> FINAL = Set.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED");

    public Response postImport(String ndjson) {
        return given().baseUri(baseUri).auth().oauth2(adminToken)
                .contentType("application/x-ndjson").body(ndjson.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/admin/v1/imports");
    }

    /** Imports and waits for the job to end; returns its final report. */
    public JsonPath importAndWait(String ndjson) {
        Response started = postImport(ndjson);
        started.then().statusCode(202);
        return awaitEnd(started.getHeader("Location"));
    }

    public JsonPath status(String location) {
        return given().baseUri(baseUri).auth().oauth2(adminToken).get(location).then().statusCode(200)
                .extract().jsonPath();
    }

    public JsonPath awaitEnd(String location) {
        assertTrue(location.startsWith("/admin/v1/"), location);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            JsonPath report = status(location);
            if (FINAL.contains(report.getString("status"))) {
                return report;
            }
            sleep(200);
        }
        return fail("job did not end in time: " + location);
    }

    /** {@code progress.done} of a job's report, 0 while the job has not reported progress yet. */
    static long done(JsonPath report) {
        Object done = report.get("progress.done");
        return done == null ? 0 : ((Number) done).longValue();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
