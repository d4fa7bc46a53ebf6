package no.krr.reconcile;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.Set;
import no.krr.person.StrictJson;

/**
 * The body of {@code POST /admin/v1/reconciliations}: {@code {"mode":"VERIFY"}} or
 * {@code {"mode":"RECONCILE"}}, a RECONCILE optionally with {@code "allowDeletions": N} (a whole
 * number from 0), the deletion limit an operator gives a run after checking its held clearings.
 * Read by {@link StrictJson}: a JsonReader would quietly take the last of a duplicated member
 * (so {@code {"mode":"VERIFY","mode":"RECONCILE"}} repaired) and ignore trailing content.
 */
public record ReconciliationRequest(Mode mode, OptionalLong allowDeletions) {

    static final String SHAPE = "the body must be {\"mode\":\"VERIFY\"} or {\"mode\":\"RECONCILE\"}, "
            + "a RECONCILE optionally with \"allowDeletions\": a whole number from 0.";
    private static final Set<String> MEMBERS = Set.of("mode", "allowDeletions");

    public static ReconciliationRequest parse(String body) {
        IllegalArgumentException invalid = new IllegalArgumentException(SHAPE);
        JsonObject object = StrictJson.objectOf(body, MEMBERS).orElseThrow(() -> invalid);
        if (!(object.get("mode") instanceof JsonString name)) {
            throw invalid;
        }
        Mode mode = Arrays.stream(Mode.values()).filter(m -> m.name().equals(name.getString())).findFirst()
                .orElseThrow(() -> invalid);
        OptionalLong allowDeletions = OptionalLong.empty();
        if (object.containsKey("allowDeletions")) {
            if (mode != Mode.RECONCILE || !(object.get("allowDeletions") instanceof JsonNumber number)) {
                throw invalid;
            }
            allowDeletions = OptionalLong.of(wholeFromZero(number.bigDecimalValue(), invalid));
        }
        return new ReconciliationRequest(mode, allowDeletions);
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
}
