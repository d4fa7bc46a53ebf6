package no.krr.person;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.util.HashSet;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a text that must be exactly one JSON value. A {@code JsonReader} stops after the first
 * value, so {@code {…} {…}} or {@code {…}x} would pass as the first object and silently drop the
 * rest; and it takes the last of a duplicated member, so {@code {"mode":"VERIFY","mode":"RECONCILE"}}
 * would repair. Here trailing content is always refused, and a duplicated member where the caller
 * says so ({@link Duplicates#REFUSED}). Callers check the value's type and members themselves and
 * word their own errors from the {@link Problem}.
 *
 * <p>In {@code person} because the person reader uses it and {@code person} imports no package of
 * ours; the API bodies ({@code person.api}, {@code reconcile}) and {@code upstream} use it too.
 */
public final class StrictJson {

    // looked up once: Json.createParser searches the class path for a provider on every call
    private static final JsonProvider JSON = JsonProvider.provider();

    /** Whether an object may name a member twice; JSON-P's reader keeps the last. */
    public enum Duplicates {
        REFUSED,
        /** As JSON-P reads it: the last one counts (import lines and upstream answers were always read so). */
        LAST_WINS
    }

    /** What is wrong with the text as a whole. */
    public enum Problem {
        /** No value at all, or only whitespace. */
        EMPTY,
        /** Not JSON, or cut short. */
        NOT_JSON,
        /** One value, then more (a parser that reports the next token as an event). */
        TRAILING,
        /** An object names a member twice, with {@link Duplicates#REFUSED}. */
        DUPLICATE_MEMBER
    }

    /** Why the text is not one JSON value; the caller words the message. */
    public static final class Malformed extends Exception {
        private final Problem problem;

        Malformed(Problem problem) {
            super(problem.name(), null, false, false);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    private StrictJson() {
    }

    /** The one JSON value of {@code text}. */
    public static JsonValue read(String text, Duplicates duplicates) throws Malformed {
        try (JsonParser parser = JSON.createParser(new StringReader(text))) {
            if (!parser.hasNext()) {
                throw new Malformed(Problem.EMPTY);
            }
            JsonParser.Event first = parser.next();
            JsonValue value = duplicates == Duplicates.LAST_WINS ? parser.getValue() : value(parser, first);
            if (parser.hasNext()) {
                throw new Malformed(Problem.TRAILING);
            }
            return value;
        } catch (JsonException | IllegalStateException | NoSuchElementException e) {
            throw new Malformed(Problem.NOT_JSON);
        }
    }

    /**
     * A request body that must be one JSON object of only these members, none twice, nothing after
     * it; empty for anything else (the caller answers 400 with the shape it expects).
     */
    public static Optional<JsonObject> objectOf(String body, Set<String> members) {
        try {
            return read(body == null ? "" : body, Duplicates.REFUSED) instanceof JsonObject object
                    && members.containsAll(object.keySet()) ? Optional.of(object) : Optional.empty();
        } catch (Malformed e) {
            return Optional.empty();
        }
    }

    /** The value that starts at {@code event}, built as JSON-P builds it, refusing a member named twice. */
    private static JsonValue value(JsonParser parser, JsonParser.Event event) throws Malformed {
        return switch (event) {
            case START_OBJECT -> object(parser);
            case START_ARRAY -> array(parser);
            case KEY_NAME, END_OBJECT, END_ARRAY -> throw new Malformed(Problem.NOT_JSON);
            default -> parser.getValue();
        };
    }

    private static JsonValue object(JsonParser parser) throws Malformed {
        JsonObjectBuilder object = JSON.createObjectBuilder();
        Set<String> seen = new HashSet<>();
        JsonParser.Event event;
        while ((event = parser.next()) == JsonParser.Event.KEY_NAME) {
            String member = parser.getString();
            if (!seen.add(member)) {
                throw new Malformed(Problem.DUPLICATE_MEMBER);
            }
            object.add(member, value(parser, parser.next()));
        }
        if (event != JsonParser.Event.END_OBJECT) {
            throw new Malformed(Problem.NOT_JSON);
        }
        return object.build();
    }

    private static JsonValue array(JsonParser parser) throws Malformed {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        JsonParser.Event event;
        while ((event = parser.next()) != JsonParser.Event.END_ARRAY) {
            array.add(value(parser, event));
        }
        return array.build();
    }
}
