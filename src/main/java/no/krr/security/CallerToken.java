package no.krr.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Optional;
import java.util.Set;
import no.krr.person.NationalId;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The claims of the caller's ID-porten access token that the service uses: {@code pid} (the
 * citizen's national id), {@code scope}, {@code acr} (level of assurance), {@code client_id},
 * {@code consumer} (the organisation behind the client) and {@code jti}.
 */
@RequestScoped
public class CallerToken {

    @Inject
    JsonWebToken token;

    public boolean present() {
        return token != null && token.getRawToken() != null;
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
        return Optional.ofNullable(token.getTokenID());
    }

    /** The organisation number of {@code consumer.ID} ({@code 0192:<orgno>}). */
    public Optional<String> consumerOrgno() {
        Object consumer = token.getClaim("consumer");
        if (consumer instanceof JsonObject json && json.get("ID") instanceof JsonString id) {
            String value = id.getString();
            return Optional.of(value.substring(value.indexOf(':') + 1));
        }
        return Optional.empty();
    }

    private Optional<String> text(String claim) {
        Object value = token.getClaim(claim);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        return Optional.of(value instanceof JsonString s ? s.getString() : value.toString());
    }
}
