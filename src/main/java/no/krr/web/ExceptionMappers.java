package no.krr.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import no.krr.person.NationalId;

/** Turns every JAX-RS failure into RFC 9457 problem details. */
public final class ExceptionMappers {

    private ExceptionMappers() {
    }

    /**
     * Failures JAX-RS raises itself (404, 405, 406, 415, …), with their headers. The role check's
     * 401 and 403 have mappers of their own, with the bearer challenge ({@code security.RoleCheckFailures}).
     */
    @Provider
    public static class WebApplication implements ExceptionMapper<WebApplicationException> {

        @Override
        public Response toResponse(WebApplicationException exception) {
            Response original = exception.getResponse();
            int status = original.getStatus();
            Response.ResponseBuilder builder = Problem.ofStatus(status, detailOf(exception, status)).response();
            original.getHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type")) {
                    values.forEach(value -> builder.header(name, value));
                }
            });
            return builder.build();
        }

        private String detailOf(WebApplicationException exception, int status) {
            // JAX-RS's own messages (406, 415, …) are generic; ours are written for the caller
            return exception.getClass().getPackageName().startsWith("no.krr") ? exception.getMessage() : null;
        }
    }

    /** Anything else is our fault: logged once, with the path that failed (a national id in it masked), answered without internals. */
    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {

        private static final Logger LOG = Logger.getLogger(Unexpected.class.getName());

        @Context
        private UriInfo uriInfo;

        @Override
        public Response toResponse(Throwable exception) {
            String path = Optional.ofNullable(uriInfo).map(u -> u.getRequestUri().getRawPath()).orElse("?");
            LOG.log(Level.SEVERE, "Unhandled failure on " + NationalId.maskAll(path), exception);
            return Problem.ofStatus(500, "The server failed to handle the request.").response().build();
        }
    }
}
