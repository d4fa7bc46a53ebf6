package no.krr.security;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.Claims;

/**
 * Turns a claim as Nimbus parsed it ({@link JWTClaimsSet#getClaim}: {@code String}, {@code Long} or
 * {@code Double}, {@code Boolean}, {@code Date} for {@code exp}/{@code iat}/{@code nbf}, {@code List}
 * for arrays, {@code Map} for objects) into the type the MicroProfile JWT API promises: a standard
 * claim as {@link Claims#getType()} says, any other claim as the JSON-P value of its JSON type. A
 * standard claim of another JSON type than its own reads as absent (as in {@link CallerToken}), never
 * through {@code toString()}.
 */
final class ClaimConversion {

    // looked up once: Json.createValue and friends search for a provider on every call
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final Map<String, Claims> STANDARD = Arrays.stream(Claims.values())
            .filter(claim -> claim != Claims.UNKNOWN)
            .collect(Collectors.toUnmodifiableMap(Claims::name, Function.identity()));

    private ClaimConversion() {
    }

    /** The standard claim of that name, if it is one ({@link Claims#UNKNOWN} is none). */
    static Optional<Claims> standard(String name) {
        return Optional.ofNullable(STANDARD.get(name));
    }

    /** A standard claim as the type of {@link Claims#getType()}; empty when the JSON type does not fit. */
    static Optional<Object> asStandard(Claims claim, Object value) {
        Class<?> type = claim.getType();
        if (type == String.class) {
            return value instanceof String ? Optional.of(value) : Optional.empty();
        }
        if (type == Long.class) {
            return seconds(value).map(Long.class::cast);
        }
        if (type == Boolean.class) {
            return value instanceof Boolean ? Optional.of(value) : Optional.empty();
        }
        if (type == Set.class) {
            return strings(value).map(Set.class::cast);
        }
        if (type == JsonObject.class) {
            return value instanceof Map<?, ?> ? Optional.of(json(value)) : Optional.empty();
        }
        return Optional.of(json(value));
    }

    /** A number of seconds ({@code exp}, {@code iat}, {@code auth_time} …); Nimbus keeps three of them as {@code Date}. */
    static Optional<Long> seconds(Object value) {
        if (value instanceof Date date) {
            return Optional.of(date.getTime() / 1000);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof BigInteger) {
            return Optional.of(((Number) value).longValue());
        }
        return Optional.empty();
    }

    /** A string, or an array of strings ({@code aud} may be either), as a set; empty for anything else. */
    static Optional<Set<String>> strings(Object value) {
        if (value instanceof String text) {
            return Optional.of(Set.of(text));
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            // in the token's order: an audience or a group list reads as it was minted
            Set<String> set = new LinkedHashSet<>();
            list.forEach(item -> set.add((String) item));
            return Optional.of(Collections.unmodifiableSet(set));
        }
        return Optional.empty();
    }

    /** The JSON-P value of a claim of any JSON type. */
    static JsonValue json(Object value) {
        return switch (value) {
            case null -> JsonValue.NULL;
            case String text -> JSON.createValue(text);
            case Boolean flag -> flag ? JsonValue.TRUE : JsonValue.FALSE;
            case Long number -> JSON.createValue(number.longValue());
            case Integer number -> JSON.createValue(number.intValue());
            case BigInteger number -> JSON.createValue(number);
            case BigDecimal number -> JSON.createValue(number);
            case Number number -> JSON.createValue(number.doubleValue());
            case Date date -> JSON.createValue(date.getTime() / 1000);
            case Map<?, ?> map -> object(map);
            case Collection<?> items -> array(items);
            case JsonValue already -> already;
            // Nimbus parses JSON into the types above only
            default -> throw new IllegalArgumentException("not a parsed JSON value: " + value.getClass().getName());
        };
    }

    private static JsonObject object(Map<?, ?> map) {
        JsonObjectBuilder object = JSON.createObjectBuilder();
        map.forEach((name, member) -> object.add(String.valueOf(name), json(member)));
        return object.build();
    }

    private static JsonValue array(Collection<?> items) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        items.forEach(item -> array.add(json(item)));
        return array.build();
    }
}
