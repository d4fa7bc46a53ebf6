package no.krr.security;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.enterprise.context.RequestScoped;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.krr.person.NationalId;

/**
 * The claims of the caller's ID-porten access token that the service uses: {@code pid} (the
 * citizen's national id), {@code scope}, {@code acr} (level of assurance), {@code client_id},
 * {@code consumer} (the organisation behind the client) and {@code jti}. {@link BearerTokenFilter}
 * fills it once the token is verified.
 */
@RequestScoped
public class CallerToken {

    private JWTClaimsSet claims = new JWTClaimsSet.Builder().build();

    void accept(JWTClaimsSet verified) {
        claims = verified;
    }

    /** The {@code pid} claim, if it is a valid national id. */
    public Optional<NationalId> pid() {
        return text("pid").flatMap(NationalId::parse);
    }

    public Set<String> scopes() {
        return ScopeFieldGroups.scopesOf(text("scope").orElse(""));
    }

    public Optional<String> acr() {
        return text("acr");
    }

    public Optional<String> clientId() {
        return text("client_id");
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
        Object value = claims.getClaim(claim);
        return value == null ? Optional.empty() : Optional.of(value.toString());
    }
}
