package no.krr.security;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.krr.person.NationalId;

/**
 * The request's verified token ({@link VerifiedToken}, the {@code JsonWebToken} that
 * {@link CallerProducers} injects) and typed accessors for the claims the service uses: for a
 * citizen (ID-porten) {@code pid} (the national id), {@code scope}, {@code acr} (level of
 * assurance), {@code client_id}, {@code consumer} (the organisation behind the client) and
 * {@code jti}; for an operator (the admin issuer) {@code sub} (the admin resources read the operator
 * from the {@code JsonWebToken}: {@code StartedBy}).
 * The door's filter hands it the token once verified, the claims' JSON types checked
 * ({@link ClaimShape}); a claim of another type reads as absent here, never through
 * {@code toString()}. The accessors read the token's claims as Nimbus parsed them, so they make no
 * JSON-P values. A request-scoped bean made by {@link CallerProducers}.
 */
public class CallerToken {

    private VerifiedToken token = VerifiedToken.NONE;
    // parsed once per request: the citizen filter and the resource both ask
    private Optional<NationalId> pid = Optional.empty();

    void accept(VerifiedToken verified) {
        token = verified;
        pid = token.text("pid").flatMap(NationalId::parse);
    }

    /** The request's token; {@link VerifiedToken#NONE} before a door accepted one. */
    public VerifiedToken token() {
        return token;
    }

    /** The {@code pid} claim, if it is a valid national id. */
    public Optional<NationalId> pid() {
        return pid;
    }

    /** The scopes of the {@code scope} claim (all of them, whether or not the door made them roles). */
    public Set<String> scopes() {
        return ScopeFieldGroups.scopesOf(token.text("scope").orElse(""));
    }

    /** The roles the door granted: {@code JsonWebToken.getGroups()}. */
    public Set<String> groups() {
        return token.getGroups();
    }

    public Optional<String> acr() {
        return token.text("acr");
    }

    public Optional<String> clientId() {
        return token.text("client_id");
    }

    public Optional<String> subject() {
        return token.text("sub");
    }

    public Optional<String> jti() {
        return token.text("jti");
    }

    /** The organisation number of {@code consumer.ID} ({@code 0192:<orgno>}). */
    public Optional<String> consumerOrgno() {
        if (token.parsed("consumer").orElse(null) instanceof Map<?, ?> consumer && consumer.get("ID") instanceof String id) {
            return Optional.of(id.substring(id.indexOf(':') + 1));
        }
        return Optional.empty();
    }
}
