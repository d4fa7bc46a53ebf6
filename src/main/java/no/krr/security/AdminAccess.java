package no.krr.security;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a verified token of the admin issuer makes its caller an operator. The scope is looked for
 * where the identity providers an agency runs put it: {@code scope} (space-separated, OAuth 2.0 and
 * Maskinporten), {@code scp} (a space-separated string or an array, Entra ID) and {@code roles} (an
 * array, Entra ID app roles and Keycloak). A token that names a person ({@code pid}) never makes an
 * operator, whatever its scopes: operators are staff or machines, and a citizen's token must not
 * become one through an identity provider that also logs citizens in.
 */
public final class AdminAccess {

    /** The JSON types of the claims read here (and of the {@code client_id} the job records keep). */
    static final java.util.Map<String, ClaimShape> SHAPES = java.util.Map.of(
            "scope", ClaimShape.STRING, "scp", ClaimShape.STRING_OR_STRINGS, "roles", ClaimShape.STRINGS,
            "client_id", ClaimShape.STRING, "azp", ClaimShape.STRING);

    public enum Verdict {
        /** The caller is an operator: role {@link AuthSettings#ADMIN_ROLE}. */
        OPERATOR,
        /** The token names a person: 403. */
        NAMES_A_PERSON,
        /** The admin scope is in none of the claims: 403. */
        LACKS_SCOPE
    }

    private AdminAccess() {
    }

    public static Verdict of(JWTClaimsSet claims, String adminScope) {
        if (claims.getClaim("pid") != null) {
            return Verdict.NAMES_A_PERSON;
        }
        return grants(claims).contains(adminScope) ? Verdict.OPERATOR : Verdict.LACKS_SCOPE;
    }

    /** Every scope and role the token carries, from {@code scope}, {@code scp} and {@code roles}. */
    static Set<String> grants(JWTClaimsSet claims) {
        Set<String> grants = new HashSet<>();
        for (String claim : List.of("scope", "scp", "roles")) {
            Object value = claims.getClaim(claim);
            if (value instanceof String text) {
                grants.addAll(ScopeFieldGroups.scopesOf(text));
            } else if (value instanceof List<?> list) {
                list.stream().filter(String.class::isInstance).map(String.class::cast).forEach(grants::add);
            }
        }
        return Set.copyOf(grants);
    }
}
