package no.krr.security;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import java.util.List;
import java.util.Map;

/**
 * The JSON type a claim must have when it is present. A claim of another type is refused rather
 * than read through {@code toString()}: a {@code pid} sent as a number or a {@code scope} sent as an
 * array is a token nobody we trust would mint.
 */
public enum ClaimShape {
    /** A JSON string. */
    STRING,
    /** A JSON string, or an array of strings (as {@code scp} is in Entra ID and Keycloak tokens). */
    STRING_OR_STRINGS,
    /** An array of strings. */
    STRINGS;

    boolean fits(Object value) {
        return switch (this) {
            case STRING -> value instanceof String;
            case STRINGS -> isStrings(value);
            case STRING_OR_STRINGS -> value instanceof String || isStrings(value);
        };
    }

    private static boolean isStrings(Object value) {
        return value instanceof List<?> list && list.stream().allMatch(String.class::isInstance);
    }

    /** Refuses the claims when a claim named in {@code shapes} is present with another type. */
    static void check(JWTClaimsSet claims, Map<String, ClaimShape> shapes) throws BadJWTException {
        for (Map.Entry<String, ClaimShape> shape : shapes.entrySet()) {
            Object value = claims.getClaim(shape.getKey());
            if (value != null && !shape.getValue().fits(value)) {
                throw new BadJWTException("claim '" + shape.getKey() + "' is not " + shape.getValue().description());
            }
        }
    }

    private String description() {
        return switch (this) {
            case STRING -> "a string";
            case STRINGS -> "an array of strings";
            case STRING_OR_STRINGS -> "a string or an array of strings";
        };
    }
}
