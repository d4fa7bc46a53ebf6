package no.krr.reconcile;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashSet;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The body of {@code POST /admin/v1/reconciliations}: {@code {"mode":"VERIFY"}} or
 * {@code {"mode":"RECONCILE"}}, a RECONCILE optionally with {@code "allowDeletions": N} (a whole
 * number from 0), the deletion limit an operator gives a run after checking its held clearings.
 * Read as a stream of JSON events: a JsonReader would quietly take the last of a duplicated member
 * (so {@code {"mode":"VERIFY","mode":"RECONCILE"}} repaired) and ignore trailing content.
 */
public record ReconciliationRequest(Mode mode, OptionalLong allowDeletions) {

    static final String SHAPE = "the body must be {\"mode\":\"VERIFY\"} or {\"mode\":\"RECONCILE\"}, "
            + "a RECONCILE optionally with \"allowDeletions\": a whole number from 0.";

    public static ReconciliationRequest parse(String body) {
        IllegalArgumentException invalid = new IllegalArgumentException(SHAPE);
        Mode mode = null;
        OptionalLong allowDeletions = OptionalLong.empty();
        Set<String> seen = new HashSet<>();
        try (JsonParser parser = Json.createParser(new StringReader(body == null ? "" : body))) {
            if (next(parser) != JsonParser.Event.START_OBJECT) {
                throw invalid;
            }
            JsonParser.Event event;
            while ((event = next(parser)) == JsonParser.Event.KEY_NAME) {
                String member = parser.getString();
                if (!seen.add(member)) {
                    throw invalid;
                }
                JsonParser.Event value = next(parser);
                switch (member) {
                    case "mode" -> {
                        if (value != JsonParser.Event.VALUE_STRING) {
                            throw invalid;
                        }
                        String name = parser.getString();
                        mode = Arrays.stream(Mode.values()).filter(m -> m.name().equals(name)).findFirst().orElseThrow(() -> invalid);
                    }
                    case "allowDeletions" -> {
                        if (value != JsonParser.Event.VALUE_NUMBER) {
                            throw invalid;
                        }
                        allowDeletions = OptionalLong.of(wholeFromZero(parser.getBigDecimal(), invalid));
                    }
                    default -> throw invalid;
                }
            }
            if (event != JsonParser.Event.END_OBJECT || parser.hasNext() || mode == null
                    || mode != Mode.RECONCILE && allowDeletions.isPresent()) {
                throw invalid;
            }
            return new ReconciliationRequest(mode, allowDeletions);
        } catch (JsonException | IllegalStateException | NoSuchElementException e) {
            throw invalid;
        }
    }

    private static long wholeFromZero(BigDecimal number, IllegalArgumentException invalid) {
        try {
            long n = number.longValueExact();
            if (n < 0) {
                throw invalid;
            }
            return n;
        } catch (ArithmeticException e) {
            throw invalid;
        }
    }

    private static JsonParser.Event next(JsonParser parser) {
        return parser.hasNext() ? parser.next() : null;
    }
}
