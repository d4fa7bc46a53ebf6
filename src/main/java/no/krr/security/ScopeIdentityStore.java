package no.krr.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Gives an ID-porten caller its roles. ID-porten tokens have no {@code groups} claim: the roles
 * are the token's scopes (the current ones, and the legacy {@code user/…} ones while
 * {@code krr.auth.legacy-scopes} is on), plus {@link AuthSettings#ADMIN_ROLE} for the admin scope.
 * Payara's MicroProfile JWT mechanism asks every group-providing store after validating the token.
 */
@ApplicationScoped
public class ScopeIdentityStore implements IdentityStore {

    @Inject
    AuthSettings settings;

    @Override
    public Set<String> getCallerGroups(CredentialValidationResult validationResult) {
        if (!(validationResult.getCallerPrincipal() instanceof JsonWebToken token)) {
            return Set.of();
        }
        Object claim = token.getClaim("scope");
        Set<String> scopes = ScopeFieldGroups.scopesOf(claim == null ? "" : claimText(claim));
        Set<String> roles = new HashSet<>();
        for (String scope : scopes) {
            if (scope.startsWith("user/") && !settings.legacyScopes()) {
                continue;
            }
            roles.add(scope);
        }
        if (scopes.contains(settings.adminScope())) {
            roles.add(AuthSettings.ADMIN_ROLE);
        }
        return roles;
    }

    static String claimText(Object claim) {
        if (claim instanceof jakarta.json.JsonString s) {
            return s.getString();
        }
        return claim.toString();
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return EnumSet.of(ValidationType.PROVIDE_GROUPS);
    }
}
