package no.krr.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The service's own authorization settings: accepted {@code acr}, legacy scopes, the admin scope, and roles from scopes. */
@ApplicationScoped
public class AuthSettings {

    /** The role of the admin API, granted by the scope {@code krr.auth.admin-scope} in a token of the admin issuer. */
    public static final String ADMIN_ROLE = "krr-admin";

    @Inject
    @ConfigProperty(name = "krr.auth.acr-values", defaultValue = "idporten-loa-substantial,idporten-loa-high")
    String acrValues;

    @Inject
    @ConfigProperty(name = "krr.auth.legacy-scopes", defaultValue = "true")
    boolean legacyScopes;

    @Inject
    @ConfigProperty(name = "krr.auth.admin-scope", defaultValue = "krr:admin")
    String adminScope;

    /** Split once: every citizen request asks. */
    private volatile Set<String> acceptedAcr;

    public Set<String> acceptedAcr() {
        Set<String> accepted = acceptedAcr;
        if (accepted == null) {
            accepted = Arrays.stream(acrValues.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .collect(Collectors.toUnmodifiableSet());
            acceptedAcr = accepted;
        }
        return accepted;
    }

    public String acceptedAcrList() {
        return String.join(" ", acceptedAcr());
    }

    public boolean legacyScopes() {
        return legacyScopes;
    }

    public String adminScope() {
        return adminScope;
    }

    /**
     * The roles of an ID-porten caller with these scopes. ID-porten tokens have no {@code groups}
     * claim: the roles are the scopes (the legacy {@code user/…} ones only while
     * {@code krr.auth.legacy-scopes} is on). Never {@link #ADMIN_ROLE}: ID-porten grants scopes per
     * client, so a citizen can hold the admin scope; operators come through the admin issuer
     * ({@link AdminTokenFilter}).
     */
    public Set<String> rolesFor(Set<String> scopes) {
        Set<String> roles = new HashSet<>();
        for (String scope : scopes) {
            if (!scope.startsWith("user/") || legacyScopes) {
                roles.add(scope);
            }
        }
        return Set.copyOf(roles);
    }
}
