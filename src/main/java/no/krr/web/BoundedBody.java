package no.krr.web;

import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body read with a ceiling: refused from its {@code Content-Length} when that is over the
 * limit, else read up to one byte past the limit, so a body without a length (chunked) cannot grow
 * past it in memory either. The answer to an oversized body is 413 as problem details.
 */
public final class BoundedBody {

    /** The ceiling of the small JSON bodies the APIs read (PATCH /rest/v1/person, POST /admin/v1/reconciliations). */
    public static final int JSON_MAX_BYTES = 16 * 1024;

    /** A body over its limit. */
    public static final class TooLarge extends Exception {
        private final long limit;

        public TooLarge(long limit) {
            super("The body may be at most " + limit + " bytes.", null, false, false);
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }

        public Response response() {
            return tooLarge(limit);
        }
    }

    private BoundedBody() {
    }

    /** The body's bytes, at most {@code limit} of them. */
    public static byte[] read(Long contentLength, InputStream body, int limit) throws TooLarge, IOException {
        refuseByLength(contentLength, limit);
        byte[] bytes = body == null ? new byte[0] : body.readNBytes(limit + 1);
        if (bytes.length > limit) {
            throw new TooLarge(limit);
        }
        return bytes;
    }

    /** Refuses early when the announced length is over the limit. */
    public static void refuseByLength(Long contentLength, long limit) throws TooLarge {
        if (contentLength != null && contentLength > limit) {
            throw new TooLarge(limit);
        }
    }

    public static Response tooLarge(long limit) {
        return Problem.of(413, "body-too-large", "Body too large", "The body may be at most " + limit + " bytes.")
                .response().build();
    }
}
