package no.krr.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claim;
import org.eclipse.microprofile.jwt.ClaimValue;

/**
 * {@code @Inject @Claim("name") T} (or {@code @Claim(standard = Claims.x)}) for the types of
 * {@link RequestedClaim}, and {@code ClaimValue<T>} of them. {@code Claim}'s members are
 * {@code @Nonbinding}, so one producer per type serves every claim name; each is typed to exactly its
 * type ({@code @Typed}), else a {@code JsonString} producer would also be a {@code JsonValue} one and
 * {@code @Claim JsonValue} ambiguous.
 *
 * <p>The values are {@code @Dependent}: read from the current request's token when the bean they go
 * into is made, which for the request-scoped resources is once per request. A bean that lives longer
 * takes {@code ClaimValue<T>}, which reads the claim again at every {@link ClaimValue#getValue()}.
 */
@ApplicationScoped
public class ClaimProducers {

    @Inject
    CallerToken caller;

    private Object claim(InjectionPoint point) {
        return RequestedClaim.of(point, point.getType()).from(caller.token());
    }

    @Produces @Claim @Dependent @Typed(String.class)
    String string(InjectionPoint point) {
        return (String) claim(point);
    }

    /** Also {@code long}: CDI injects 0 for an absent claim. */
    @Produces @Claim @Dependent @Typed(Long.class)
    Long number(InjectionPoint point) {
        return (Long) claim(point);
    }

    /** Also {@code boolean}: CDI injects false for an absent claim. */
    @Produces @Claim @Dependent @Typed(Boolean.class)
    Boolean flag(InjectionPoint point) {
        return (Boolean) claim(point);
    }

    @Produces @Claim @Dependent @Typed(Set.class)
    @SuppressWarnings("unchecked")
    Set<String> strings(InjectionPoint point) {
        return (Set<String>) claim(point);
    }

    @Produces @Claim @Dependent @Typed(Optional.class)
    @SuppressWarnings("unchecked")
    Optional<String> optionalString(InjectionPoint point) {
        return (Optional<String>) claim(point);
    }

    @Produces @Claim @Dependent @Typed(Optional.class)
    @SuppressWarnings("unchecked")
    Optional<Long> optionalNumber(InjectionPoint point) {
        return (Optional<Long>) claim(point);
    }

    @Produces @Claim @Dependent @Typed(Optional.class)
    @SuppressWarnings("unchecked")
    Optional<Boolean> optionalFlag(InjectionPoint point) {
        return (Optional<Boolean>) claim(point);
    }

    @Produces @Claim @Dependent @Typed(JsonString.class)
    JsonString jsonString(InjectionPoint point) {
        return (JsonString) claim(point);
    }

    @Produces @Claim @Dependent @Typed(JsonNumber.class)
    JsonNumber jsonNumber(InjectionPoint point) {
        return (JsonNumber) claim(point);
    }

    @Produces @Claim @Dependent @Typed(JsonArray.class)
    JsonArray jsonArray(InjectionPoint point) {
        return (JsonArray) claim(point);
    }

    @Produces @Claim @Dependent @Typed(JsonObject.class)
    JsonObject jsonObject(InjectionPoint point) {
        return (JsonObject) claim(point);
    }

    @Produces @Claim @Dependent @Typed(JsonValue.class)
    JsonValue jsonValue(InjectionPoint point) {
        return (JsonValue) claim(point);
    }

    /** {@code ClaimValue<T>} for any of the types above; {@code ClaimValue<?>} reads as {@code getClaim} does. */
    @Produces @Claim @Dependent @Typed(ClaimValue.class)
    <T> ClaimValue<T> claimValue(InjectionPoint point) {
        Type type = point.getType() instanceof ParameterizedType parameterized
                ? parameterized.getActualTypeArguments()[0] : Object.class;
        RequestedClaim requested = RequestedClaim.of(point, type instanceof Class<?> || type instanceof ParameterizedType
                ? type : Object.class);
        return new LiveClaimValue<>(requested, caller);
    }

    /** Reads the claim of the request at hand ({@code caller} is the request-scoped proxy) at every call. */
    private record LiveClaimValue<T>(RequestedClaim claim, CallerToken caller) implements ClaimValue<T> {

        @Override
        public String getName() {
            return claim.name();
        }

        @Override
        @SuppressWarnings("unchecked")
        public T getValue() {
            return (T) claim.from(caller.token());
        }

        @Override
        public String toString() {
            return "ClaimValue[" + claim.name() + "]";
        }
    }
}
