package no.krr.person.api;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Variant;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * The validators of a person's record: its {@code ETag} per representation, and whether an
 * {@code If-Match} names the current record. Plain rules, tested without a container; the
 * resource only reads the headers and writes the answers.
 */
final class RecordTags {

    private RecordTags() {
    }

    /**
     * {@code If-Match}: absent, {@code *}, or a list of which one names the current record. The
     * tags of both representations name the same state, so either may be sent back. The comparison
     * is strong (RFC 9110 §13.1.1): a weak tag matches nothing.
     */
    static boolean ifMatchHolds(String ifMatch, String currentJson) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return true;
        }
        String current = Representation.JSON.etag(currentJson).getValue();
        return Arrays.stream(ifMatch.split(","))
                .map(String::trim)
                .filter(tag -> !tag.startsWith("W/"))
                .map(tag -> tag.replace("\"", ""))
                .map(tag -> tag.endsWith(Representation.JOSE_SUFFIX) ? tag.substring(0, tag.length() - Representation.JOSE_SUFFIX.length()) : tag)
                .anyMatch(current::equals);
    }

    /** A strong validator of the JSON body: it changes whenever a byte of the body does. */
    static EntityTag etagOf(String body) {
        return etagOf(body.getBytes(StandardCharsets.UTF_8));
    }

    /** The same, of the body's UTF-8 bytes as they are sent (no second copy of the body). */
    static EntityTag etagOf(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return new EntityTag(Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The two representations of a record; each has its own ETag, derived from the JSON body. */
    enum Representation {
        JSON, JOSE;

        static final String JOSE_SUFFIX = ".jose";

        static Representation of(Variant selected) {
            return selected != null && selected.getMediaType().isCompatible(PersonResource.JOSE_TYPE)
                    ? JOSE : JSON;
        }

        EntityTag etag(String json) {
            return etag(json.getBytes(StandardCharsets.UTF_8));
        }

        EntityTag etag(byte[] json) {
            EntityTag tag = etagOf(json);
            return this == JOSE ? new EntityTag(tag.getValue() + JOSE_SUFFIX) : tag;
        }
    }
}
