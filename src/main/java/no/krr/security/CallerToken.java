package no.krr.security;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.enterprise.context.RequestScoped;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.krr.person.NationalId;

/**
 * The claims of the caller's access token that the service uses: for a citizen (ID-porten)
 * {@code pid} (the national id), {@code scope}, {@code acr} (level of assurance), {@code client_id},
 * {@code consumer} (the organisation behind the client) and {@code jti}; for an operator (the admin
 * issuer) {@code sub} and {@code client_id} (or {@code azp}). The door's filter fills it once the
 * token is verified, the claims' JSON types checked ({@link ClaimShape}); a claim of another type
 * reads as absent here, never through {@code toString()}.
 */
@RequestScoped
public class CallerToken {

    private static final JWTClaimsSet NONE = new JWTClaimsSet.Builder().build();

    private JWTClaimsSet claims = NONE;
    // read once per request: the filters and the resource ask for them several times
    private Optional<NationalId> pid = Optional.empty();
    private Set<String> scopes = Set.of();

    void accept(JWTClaimsSet verified) {
        claims = verified;
        pid = text("pid").flatMap(NationalId::parse);
        scopes = ScopeFieldGroups.scopesOf(text("scope").orElse(""));
    }

    /** The {@code pid} claim, if it is a valid national id. */
    public Optional<NationalId> pid() {
        return pid;
    }

    public Set<String> scopes() {
        return scopes;
    }

    public Optional<String> acr() {
        return text("acr");
    }

    public Optional<String> clientId() {
        return text("client_id");
    }

    public Optional<String> subject() {
        return Optional.ofNullable(claims.getSubject());
    }

    /** {@code client_id}, else {@code azp} (Entra ID and Keycloak name the client there). */
    public Optional<String> clientOrAuthorizedParty() {
        return clientId().or(() -> text("azp"));
    }

    public Optional<String> jti() {
        return Optional.ofNullable(claims.getJWTID());
    }

    /** The organisation number of {@code consumer.ID} ({@code 0192:<orgno>}). */
    public Optional<String> consumerOrgno() {
        if (claims.getClaim("consumer") instanceof Map<?, ?> consumer && consumer.get("ID") instanceof String id) {
            return Optional.of(id.substring(id.indexOf(':') + 1));
        }
        return Optional.empty();
    }

    private Optional<String> text(String claim) {
        return claims.getClaim(claim) instanceof String value ? Optional.of(value) : Optional.empty();
    }
}
