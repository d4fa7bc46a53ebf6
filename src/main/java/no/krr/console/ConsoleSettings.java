package no.krr.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How the console logs operators in: an OpenID Connect client of the admin issuer
 * ({@code krr.admin.issuer}, its discovery document at {@code /.well-known/openid-configuration}),
 * authorization code flow with PKCE. The console is a public client by default; an identity
 * provider that wants a confidential one gets {@code krr.console.client-secret} (sent as HTTP Basic),
 * PKCE stays on.
 */
@ApplicationScoped
public class ConsoleSettings {

    @Inject
    @ConfigProperty(name = "krr.admin.issuer")
    Optional<String> issuer;

    @Inject
    @ConfigProperty(name = "krr.console.client-id", defaultValue = "krr-admin-console")
    String clientId;

    @Inject
    @ConfigProperty(name = "krr.console.client-secret")
    Optional<String> clientSecret;

    /** The scopes asked for: {@code openid} and the admin scope, which the access token must carry. */
    @Inject
    @ConfigProperty(name = "krr.console.scope", defaultValue = "openid krr:admin")
    String scope;

    /**
     * The console's public address (e.g. {@code https://krr.example.no}) for the redirect URI; unset, it
     * is taken from the request, which is right when no proxy rewrites the host.
     */
    @Inject
    @ConfigProperty(name = "krr.console.base-url")
    Optional<String> baseUrl;

    public Optional<String> issuer() {
        return issuer.filter(s -> !s.isBlank());
    }

    public String clientId() {
        return clientId;
    }

    public Optional<String> clientSecret() {
        return clientSecret.filter(s -> !s.isBlank());
    }

    public String scope() {
        return scope;
    }

    public Optional<URI> baseUrl() {
        return baseUrl.filter(s -> !s.isBlank()).map(s -> URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s));
    }
}
