package no.krr.upstream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/**
 * The Maskinporten client of the reconciliation (docs/api.md §4, docs/register.md §4): token endpoint,
 * audience, client id, scope and the PKCS#12 keystore of the business certificate. Read when first
 * used: the service runs without a Maskinporten client, only the reconciliation needs one, and it
 * says which key is missing.
 */
@ApplicationScoped
public class MaskinportenSettings {

    public static final String TOKEN_URL = "krr.maskinporten.token-url";
    public static final String AUDIENCE = "krr.maskinporten.audience";
    public static final String CLIENT_ID = "krr.maskinporten.client-id";
    public static final String SCOPE = "krr.maskinporten.scope";
    public static final String KEYSTORE = "krr.maskinporten.keystore";
    public static final String KEYSTORE_PASSWORD = "krr.maskinporten.keystore-password";
    public static final String KEY_ALIAS = "krr.maskinporten.key-alias";
    public static final String TIMEOUT_MS = "krr.maskinporten.timeout-ms";

    static final Map<String, String> DEFAULTS = Map.of(
            TOKEN_URL, "https://maskinporten.no/token",
            AUDIENCE, "https://maskinporten.no/",
            SCOPE, "krr:global/kontaktinformasjon.read",
            TIMEOUT_MS, "10000");

    private Function<String, Optional<String>> source = key -> Optional.empty();

    @Inject
    void read(Config config) {
        source = key -> config.getOptionalValue(key, String.class);
    }

    /** Settings from a map (key to value; a missing key takes its default): for tests and tools. */
    public static MaskinportenSettings of(Map<String, String> values) {
        MaskinportenSettings settings = new MaskinportenSettings();
        settings.source = key -> Optional.ofNullable(values.get(key));
        return settings;
    }

    URI tokenUrl() throws UpstreamException {
        String value = required(TOKEN_URL, "the Maskinporten token endpoint");
        try {
            URI uri = URI.create(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new UpstreamException(TOKEN_URL + "='" + value + "' is not an http(s) URL such as https://maskinporten.no/token", false);
    }

    String audience() throws UpstreamException {
        return required(AUDIENCE, "the aud of the grant, e.g. https://maskinporten.no/");
    }

    String clientId() throws UpstreamException {
        return required(CLIENT_ID, "the client id registered in Maskinporten, the iss of the grant");
    }

    String scope() throws UpstreamException {
        return required(SCOPE, "the scope to ask for, e.g. krr:global/kontaktinformasjon.read");
    }

    Path keystore() throws UpstreamException {
        return Path.of(required(KEYSTORE, "the PKCS#12 keystore with the business certificate and its key"));
    }

    char[] keystorePassword() throws UpstreamException {
        // not trimmed: a password may end in a space
        return source.apply(KEYSTORE_PASSWORD).filter(p -> !p.isEmpty()).map(String::toCharArray)
                .orElseThrow(() -> new UpstreamException(KEYSTORE_PASSWORD + " is not set: it is needed to open "
                        + KEYSTORE + ".", false));
    }

    Optional<String> keyAlias() {
        return value(KEY_ALIAS);
    }

    Duration timeout() throws UpstreamException {
        String value = value(TIMEOUT_MS).orElseThrow();
        try {
            long ms = Long.parseLong(value);
            if (ms >= 100 && ms <= 300_000) {
                return Duration.ofMillis(ms);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UpstreamException(TIMEOUT_MS + "=" + value + " is not a whole number from 100 to 300000.", false);
    }

    private Optional<String> value(String key) {
        return source.apply(key).map(String::trim).filter(v -> !v.isEmpty()).or(() -> Optional.ofNullable(DEFAULTS.get(key)));
    }

    private String required(String key, String what) throws UpstreamException {
        return value(key).orElseThrow(() -> new UpstreamException(key + " is not set: it is " + what
                + ", and the reconciliation cannot get a Maskinporten token without it.", false));
    }
}
