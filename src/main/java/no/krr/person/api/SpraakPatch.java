package no.krr.person.api;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.stream.Collectors;
import no.krr.person.Spraak;
import no.krr.person.StrictJson;

/**
 * The body of {@code PATCH /rest/v1/person}: exactly {@code {"spraak": "<code>"}}. Read by
 * {@link StrictJson}, so that a duplicated member or trailing content is refused rather than
 * quietly resolved; any other member is refused here.
 */
public final class SpraakPatch {

    public static final int MAX_BYTES = no.krr.web.BoundedBody.JSON_MAX_BYTES;

    /** Why a body is not a valid language change; the message is written for the caller. */
    public static final class Invalid extends Exception {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    private SpraakPatch() {
    }

    public static Spraak parse(byte[] body) throws Invalid {
        JsonValue value;
        try {
            value = StrictJson.read(utf8(body), StrictJson.Duplicates.REFUSED);
        } catch (StrictJson.Malformed e) {
            throw new Invalid(switch (e.problem()) {
                case EMPTY, NOT_JSON -> "the body is not valid JSON";
                case TRAILING -> "the body must be one JSON object and nothing more";
                case DUPLICATE_MEMBER -> "the body must have exactly one member, \"spraak\"";
            });
        }
        if (!(value instanceof JsonObject object)) {
            throw new Invalid("the body must be a JSON object {\"spraak\": \"…\"}");
        }
        // the first member decides, as a reader of the body would see it
        String first = object.keySet().stream().findFirst()
                .orElseThrow(() -> new Invalid("the body must have the member \"spraak\""));
        if (!"spraak".equals(first)) {
            throw new Invalid("only the member \"spraak\" can be changed");
        }
        if (!(object.get("spraak") instanceof JsonString code)) {
            throw new Invalid("\"spraak\" must be a string: one of " + codes());
        }
        if (object.size() > 1) {
            throw new Invalid("the body must have exactly one member, \"spraak\"");
        }
        return Spraak.fromCode(code.getString()).orElseThrow(() -> new Invalid("\"spraak\" must be one of " + codes()));
    }

    private static String utf8(byte[] body) throws Invalid {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new Invalid("the body is not UTF-8");
        }
    }

    private static String codes() {
        return Arrays.stream(Spraak.values()).map(s -> "\"" + s.code() + "\"").collect(Collectors.joining(", "));
    }
}
