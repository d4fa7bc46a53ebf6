package no.krr.security;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller's access token as the MicroProfile JWT API shows it, over what {@link TokenVerifier}
 * verified: the claims, the compact token and the groups the door granted. The groups are not the
 * token's {@code groups} claim (ID-porten tokens have none) but the roles of the request: on the
 * user API the token's scopes ({@link AuthSettings#rolesFor}), on the admin API
 * {@link AuthSettings#ADMIN_ROLE} for an operator ({@link AdminAccess}). {@code groups} and
 * {@code raw_token} read as claims too, as the API asks.
 *
 * <p>Claims are converted when asked for ({@link ClaimConversion}), not when the token is made: the
 * door makes one per request and most requests read two or three claims, if any. Immutable.
 */
public final class VerifiedToken implements JsonWebToken {

    /** The token of a request that has none (unauthenticated): no claims, no groups, no name. */
    public static final VerifiedToken NONE = new VerifiedToken(Optional.empty(), new JWTClaimsSet.Builder().build(), Set.of());

    private final Optional<String> rawToken;
    private final JWTClaimsSet claims;
    private final Set<String> groups;

    /**
     * @param rawToken the compact token as the caller sent it
     * @param claims   its claims, verified
     * @param groups   the roles the door grants
     */
    public VerifiedToken(String rawToken, JWTClaimsSet claims, Set<String> groups) {
        this(Optional.of(rawToken), claims, groups);
    }

    private VerifiedToken(Optional<String> rawToken, JWTClaimsSet claims, Set<String> groups) {
        this.rawToken = rawToken;
        this.claims = Objects.requireNonNull(claims);
        this.groups = Set.copyOf(groups);
    }

    /** {@code upn}, else {@code preferred_username}, else {@code sub} (MP-JWT §5.1.2); null for {@link #NONE}. */
    @Override
    public String getName() {
        return text(Claims.upn.name())
                .or(() -> text(Claims.preferred_username.name()))
                .or(() -> text(Claims.sub.name()))
                .orElse(null);
    }

    @Override
    public Set<String> getGroups() {
        return groups;
    }

    /** Seconds since the epoch; 0 for a token without {@code exp} (only {@link #NONE}: the verifier requires it). */
    @Override
    public long getExpirationTime() {
        return ClaimConversion.seconds(claims.getClaim(Claims.exp.name())).orElse(0L);
    }

    /** Seconds since the epoch; 0 for a token without {@code iat} (only {@link #NONE}: the verifier requires it). */
    @Override
    public long getIssuedAtTime() {
        return ClaimConversion.seconds(claims.getClaim(Claims.iat.name())).orElse(0L);
    }

    /** The token's claims, and {@code raw_token} and {@code groups}; none for {@link #NONE}. */
    @Override
    public Set<String> getClaimNames() {
        if (rawToken.isEmpty()) {
            return Set.of();
        }
        Set<String> names = new HashSet<>(claims.getClaims().keySet());
        names.add(Claims.raw_token.name());
        names.add(Claims.groups.name());
        return Set.copyOf(names);
    }

    @Override
    public boolean containsClaim(String name) {
        return value(name).isPresent();
    }

    /**
     * A standard claim ({@link Claims}) as {@link Claims#getType()} says ({@code Long} seconds,
     * {@code Set<String>}, {@code String}, {@code Boolean}, {@code JsonObject}), any other as the
     * JSON-P value of its JSON type; null when the token has no such claim, or has a standard one of
     * another JSON type.
     */
    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String name) {
        return (T) value(name).orElse(null);
    }

    /** The claim of that name as {@link #getClaim(String)} has it. */
    Optional<Object> value(String name) {
        if (rawToken.isEmpty()) {
            return Optional.empty();
        }
        if (name.equals(Claims.raw_token.name())) {
            return Optional.of(rawToken.get());
        }
        if (name.equals(Claims.groups.name())) {
            return Optional.of(groups);
        }
        Object value = claims.getClaim(name);
        if (value == null) {
            return Optional.empty();
        }
        Optional<Claims> standard = ClaimConversion.standard(name);
        return standard.isPresent() ? ClaimConversion.asStandard(standard.get(), value) : Optional.of(ClaimConversion.json(value));
    }

    /** A claim that is a JSON string, as Nimbus has it (no JSON-P value made): what {@link CallerToken} reads. */
    Optional<String> text(String name) {
        return claims.getClaim(name) instanceof String value ? Optional.of(value) : Optional.empty();
    }

    /** A claim as Nimbus parsed it ({@code Map} for an object, {@code List} for an array). */
    Optional<Object> parsed(String name) {
        return Optional.ofNullable(claims.getClaim(name));
    }

    /** Never the token or its claims' values: a principal may end up in a log line. */
    @Override
    public String toString() {
        return rawToken.isEmpty() ? "VerifiedToken[none]" : "VerifiedToken[groups=" + groups + "]";
    }
}
