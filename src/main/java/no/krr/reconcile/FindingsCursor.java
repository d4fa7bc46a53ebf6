package no.krr.reconcile;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** An opaque page cursor of a run's findings: callers pass it back, they do not build it. */
final class FindingsCursor {

    private FindingsCursor() {
    }

    static String encode(long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("d:" + id).getBytes(StandardCharsets.US_ASCII));
    }

    static long decode(String cursor) {
        String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        if (!text.startsWith("d:")) {
            throw new IllegalArgumentException("not a cursor");
        }
        return Long.parseLong(text.substring(2));
    }
}
