package no.krr.web;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem detail. {@code type} is a URN naming the kind of problem ({@code about:blank}
 * when the status says all). The detail is written for the caller and never carries a token or a
 * national id in clear; a problem made from a status alone gets that status's general detail, so
 * that every error body has all four members.
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
        return new Problem("about:blank", title, status, detail == null || detail.isBlank() ? detailOf(status) : detail);
    }

    /** What a caller can do about a status when nothing more specific is known (JAX-RS's own and the container's errors). */
    static String detailOf(int status) {
        return switch (status) {
            case 400 -> "The request is malformed: check its syntax, header fields and parameters against the API description at /openapi.";
            case 401 -> "Send an access token as 'Authorization: Bearer <token>'.";
            case 403 -> "The request is not allowed.";
            case 404 -> "There is nothing at this path; the API description is at /openapi.";
            case 405 -> "This path does not accept the request's method; the Allow header names the ones it does.";
            case 406 -> "The resource cannot answer in a media type the Accept header allows; /openapi names the ones it serves.";
            case 408 -> "The request did not arrive in time.";
            case 409 -> "The request conflicts with the current state of the resource.";
            case 411 -> "A request with a body needs a Content-Length or chunked transfer coding.";
            case 412 -> "A precondition of the request does not hold.";
            case 413 -> "The request body is larger than this operation accepts.";
            case 414 -> "The request URI is longer than the server accepts.";
            case 415 -> "This operation does not read a body of the request's Content-Type; /openapi names the ones it reads.";
            case 416 -> "The requested range lies outside the resource.";
            case 429 -> "Too many requests; try again later.";
            case 431 -> "The request's header fields are larger than the server accepts.";
            case 501 -> "The server does not implement the request's method.";
            case 503 -> "The service is unavailable for the moment; try again later.";
            case 505 -> "The server speaks HTTP/1.1 (and HTTP/1.0).";
            default -> status >= 500 ? "The server failed to handle the request." : "The request cannot be served as sent.";
        };
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
