package no.krr.upstream;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import no.krr.person.InvalidPersonException;
import no.krr.person.NationalId;
import no.krr.person.PersonJsonReader;
import no.krr.person.PersonRecord;
import no.krr.person.StrictJson;

/**
 * Writes the body of a lookup and reads its answer into an {@link UpstreamRegister.Answer}, one
 * person at a time: a person that fails validation ({@link PersonJsonReader}, lenient mode: members
 * the register adds later are ignored, the three timestamp shapes and empty strings are read) is
 * reported with its reason and costs nobody else. Plain code, unit-tested without a container.
 *
 * <p>Only a body that is not {@code {"personer":[…]}} at all is malformed (and retried): then no
 * person of it can be trusted.
 */
public final class UpstreamAnswerReader {

    // looked up once: Json.createParser searches the class path for a provider on every call
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final Logger LOG = Logger.getLogger(UpstreamAnswerReader.class.getName());

    public static final String MISSING = "missing from the upstream answer";
    public static final String DUPLICATE = "more than once in the upstream answer, with different content";

    private UpstreamAnswerReader() {
    }

    /** {@code {"personidentifikatorer":["…",…]}}, each id once, in the order asked. */
    public static String requestBody(Collection<NationalId> ids) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        new LinkedHashSet<>(ids).forEach(id -> array.add(id.value()));
        return JSON.createObjectBuilder().add("personidentifikatorer", array).build().toString();
    }

    /** Thrown when the body as a whole cannot be read; the message is safe to log. */
    public static final class MalformedAnswerException extends Exception {
        MalformedAnswerException(String why) {
            super(why, null, false, false);
        }
    }

    /**
     * The answer to a lookup of {@code asked}. Every id asked ends up in exactly one of the two maps:
     * {@code persons} when its item is valid, {@code invalid} (with the reason) when its item is not,
     * when it is missing, or when it came twice with different content. Items for ids not asked, or
     * without a readable {@code personidentifikator}, are dropped (and logged, masked).
     */
    public static UpstreamRegister.Answer read(String body, Collection<NationalId> asked) throws MalformedAnswerException {
        JsonArray personer = personer(body);
        Set<String> wanted = new LinkedHashSet<>();
        asked.forEach(id -> wanted.add(id.value()));
        Map<String, PersonRecord> persons = new LinkedHashMap<>();
        Map<String, String> invalid = new LinkedHashMap<>();
        Map<String, JsonObject> seen = new LinkedHashMap<>();
        int strangers = 0;
        int index = 0;
        for (JsonValue item : personer) {
            index++;
            if (!(item instanceof JsonObject object)) {
                strangers++;
                LOG.warning("upstream answer: item " + index + " is not a JSON object; dropped");
                continue;
            }
            String pid = object.get("personidentifikator") instanceof JsonString s ? s.getString() : null;
            if (pid == null || !wanted.contains(pid)) {
                strangers++;
                LOG.warning("upstream answer: item " + index + " is for an id that was not asked ("
                        + NationalId.mask(pid) + "); dropped");
                continue;
            }
            JsonObject earlier = seen.putIfAbsent(pid, object);
            if (earlier != null) {
                if (!earlier.equals(object)) {
                    persons.remove(pid);
                    invalid.put(pid, DUPLICATE);
                }
                continue;
            }
            try {
                persons.put(pid, PersonJsonReader.read(object, PersonJsonReader.Strictness.LENIENT));
            } catch (InvalidPersonException e) {
                invalid.put(pid, "invalid in the upstream answer: " + e.getMessage());
            }
        }
        for (String pid : wanted) {
            if (!persons.containsKey(pid) && !invalid.containsKey(pid)) {
                invalid.put(pid, MISSING);
            }
        }
        if (strangers > 0) {
            LOG.warning("upstream answer: " + strangers + " item(s) dropped of " + personer.size());
        }
        return new UpstreamRegister.Answer(persons, invalid);
    }

    private static JsonArray personer(String body) throws MalformedAnswerException {
        if (body == null || body.isBlank()) {
            throw new MalformedAnswerException("empty body");
        }
        JsonValue value;
        try {
            value = StrictJson.read(body, StrictJson.Duplicates.LAST_WINS);
        } catch (StrictJson.Malformed e) {
            throw new MalformedAnswerException(switch (e.problem()) {
                case EMPTY -> "empty body";
                case TRAILING -> "not one JSON value";
                case NOT_JSON, DUPLICATE_MEMBER -> "not JSON";
            });
        }
        if (!(value instanceof JsonObject object)) {
            throw new MalformedAnswerException("not a JSON object");
        }
        if (!(object.get("personer") instanceof JsonArray array)) {
            throw new MalformedAnswerException("no \"personer\" array");
        }
        return array;
    }
}
