package no.krr.person.api;

import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.io.StringReader;
import java.util.Arrays;
import java.util.stream.Collectors;
import no.krr.person.Spraak;

/**
 * The body of {@code PATCH /rest/v1/person}: exactly {@code {"spraak": "<code>"}}. Read as a
 * stream of JSON events, so that a duplicated member, trailing content or any other member is
 * refused rather than quietly resolved.
 */
public final class SpraakPatch {

    public static final int MAX_BYTES = no.krr.web.BoundedBody.JSON_MAX_BYTES;
    // looked up once: Json.createParser searches the class path for a provider on every call
    private static final JsonProvider JSON = JsonProvider.provider();

    /** Why a body is not a valid language change; the message is written for the caller. */
    public static final class Invalid extends Exception {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    private SpraakPatch() {
    }

    public static Spraak parse(byte[] body) throws Invalid {
        String text = utf8(body);
        try (JsonParser parser = JSON.createParser(new StringReader(text))) {
            expect(parser, JsonParser.Event.START_OBJECT, "the body must be a JSON object {\"spraak\": \"…\"}");
            expect(parser, JsonParser.Event.KEY_NAME, "the body must have the member \"spraak\"");
            if (!"spraak".equals(parser.getString())) {
                throw new Invalid("only the member \"spraak\" can be changed");
            }
            expect(parser, JsonParser.Event.VALUE_STRING, "\"spraak\" must be a string: one of " + codes());
            String code = parser.getString();
            expect(parser, JsonParser.Event.END_OBJECT, "the body must have exactly one member, \"spraak\"");
            if (parser.hasNext()) {
                throw new Invalid("the body must be one JSON object and nothing more");
            }
            return Spraak.fromCode(code).orElseThrow(() -> new Invalid("\"spraak\" must be one of " + codes()));
        } catch (JsonParsingException | IllegalStateException | java.util.NoSuchElementException e) {
            throw new Invalid("the body is not valid JSON");
        }
    }

    private static void expect(JsonParser parser, JsonParser.Event wanted, String otherwise) throws Invalid {
        if (!parser.hasNext() || parser.next() != wanted) {
            throw new Invalid(otherwise);
        }
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
