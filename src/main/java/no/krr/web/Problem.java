package no.krr.web;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem detail. {@code type} is a URN naming the kind of problem ({@code about:blank}
 * when the status says all). The detail is written for the caller and never carries a token or a
 * national id in clear.
 */
public record Problem(String type, String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";
    // the constructor, not MediaType.valueOf: valueOf asks the JAX-RS runtime for a parser, so
    // loading this class needed one (a plain unit test has none); the value is the same
    public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem("urn:krr:problem:" + slug, title, status, detail);
    }

    public static Problem ofStatus(int status, String detail) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
        return new Problem("about:blank", title, status, detail);
    }

    public String toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("type", type)
                .add("title", title)
                .add("status", status);
        if (detail != null && !detail.isBlank()) {
            json.add("detail", detail);
        }
        return json.build().toString();
    }

    public Response.ResponseBuilder response() {
        return Response.status(status).type(PROBLEM_JSON).entity(toJson());
    }
}
