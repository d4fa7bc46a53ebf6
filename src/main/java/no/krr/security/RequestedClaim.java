package no.krr.security;

import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claim;
import org.eclipse.microprofile.jwt.Claims;

/**
 * A claim as an injection point asks for it ({@code @Claim("name") T}): its name and the Java type
 * to read it as. {@link #of} checks the type once, so that {@link #from} never meets one it cannot
 * make. The types: {@code String}, {@code Long}/{@code long}, {@code Boolean}/{@code boolean},
 * {@code Set<String>}, {@code Optional} of {@code String}, {@code Long} or {@code Boolean}, the
 * JSON-P values {@code JsonString}, {@code JsonNumber}, {@code JsonArray}, {@code JsonObject},
 * {@code JsonValue}, and {@code Object} (what {@code JsonWebToken.getClaim} returns). A claim
 * that is absent, or whose JSON type does not fit, is null ({@code 0}/{@code false} for a
 * primitive, which CDI fills in), or an empty {@code Optional}.
 */
record RequestedClaim(String name, Type type) {

    private static final Set<Class<?>> PLAIN = Set.of(String.class, Long.class, Boolean.class, Set.class, Object.class);

    RequestedClaim {
        if (!readable(type)) {
            throw new IllegalArgumentException("@Claim(\"" + name + "\") cannot be injected as " + type.getTypeName()
                    + " (see RequestedClaim for the types)");
        }
    }

    /** The claim that an injection point's {@code @Claim} names, as the given type. */
    static RequestedClaim of(InjectionPoint point, Type type) {
        Claim claim = point.getQualifiers().stream()
                .filter(Claim.class::isInstance).map(Claim.class::cast).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no @Claim at " + point));
        return new RequestedClaim(nameOf(claim), type);
    }

    /** {@code value}, else {@code standard}; both set is allowed only when they agree (MP-JWT §7.1.3). */
    static String nameOf(Claim claim) {
        String value = claim.value();
        Claims standard = claim.standard();
        if (!value.isEmpty() && standard != Claims.UNKNOWN && !value.equals(standard.name())) {
            throw new IllegalArgumentException("@Claim names two claims: '" + value + "' and " + standard.name());
        }
        if (value.isEmpty() && standard == Claims.UNKNOWN) {
            throw new IllegalArgumentException("@Claim names no claim: give value or standard");
        }
        return value.isEmpty() ? standard.name() : value;
    }

    /** The claim of this token as the requested type. */
    Object from(VerifiedToken token) {
        return read(token.value(name), type);
    }

    private static Object read(Optional<Object> value, Type type) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == Optional.class) {
            return Optional.ofNullable(read(value, parameterized.getActualTypeArguments()[0]));
        }
        Class<?> wanted = boxed(raw(type));
        if (value.isEmpty()) {
            return null;
        }
        Object claim = value.get();
        if (wanted == Object.class) {
            return claim;
        }
        if (JsonValue.class.isAssignableFrom(wanted)) {
            JsonValue json = ClaimConversion.json(claim);
            return wanted.isInstance(json) ? json : null;
        }
        if (wanted.isInstance(claim)) {
            return claim;
        }
        // a claim of no standard name comes as JSON-P: read it back as the plain Java type
        return switch (claim) {
            case JsonString text when wanted == String.class -> text.getString();
            case JsonNumber number when wanted == Long.class && number.isIntegral() -> number.longValue();
            case JsonValue flag when wanted == Boolean.class && (flag == JsonValue.TRUE || flag == JsonValue.FALSE) ->
                    flag == JsonValue.TRUE;
            case JsonArray array when wanted == Set.class && array.stream().allMatch(JsonString.class::isInstance) ->
                    strings(array);
            default -> null;
        };
    }

    private static Set<String> strings(JsonArray array) {
        Set<String> set = new LinkedHashSet<>();
        array.getValuesAs(JsonString.class).forEach(text -> set.add(text.getString()));
        return Collections.unmodifiableSet(set);
    }

    private static boolean readable(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            Type[] arguments = parameterized.getActualTypeArguments();
            if (parameterized.getRawType() == Optional.class) {
                return arguments[0] == String.class || arguments[0] == Long.class || arguments[0] == Boolean.class;
            }
            return parameterized.getRawType() == Set.class && arguments[0] == String.class;
        }
        if (!(type instanceof Class<?> plain)) {
            return false;
        }
        Class<?> boxed = boxed(plain);
        return (PLAIN.contains(boxed) && boxed != Set.class) || JsonValue.class.isAssignableFrom(boxed);
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType() : (Class<?>) type;
    }

    private static Class<?> boxed(Class<?> type) {
        if (type == long.class) {
            return Long.class;
        }
        return type == boolean.class ? Boolean.class : type;
    }
}
