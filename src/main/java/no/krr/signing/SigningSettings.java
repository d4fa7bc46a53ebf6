package no.krr.signing;

import com.nimbusds.jose.JWSAlgorithm;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How responses are signed (docs/api.md §2): the JWS algorithm and the PKCS#12 keystore of the
 * signing keys. Without {@code krr.signing.keystore} the service signs with an ephemeral key (see
 * {@link SigningKeys}).
 */
@ApplicationScoped
public class SigningSettings {

    /** The algorithms a client of the register can expect; RS256 is the default. */
    public static final List<JWSAlgorithm> SUPPORTED = List.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256, JWSAlgorithm.ES256);

    public static final String ALGORITHM = "krr.signing.algorithm";
    public static final String KEYSTORE = "krr.signing.keystore";
    public static final String KEYSTORE_PASSWORD = "krr.signing.keystore-password";
    public static final String KEY_ALIAS = "krr.signing.key-alias";

    @Inject
    @ConfigProperty(name = ALGORITHM, defaultValue = "RS256")
    String algorithm;

    @Inject
    @ConfigProperty(name = KEYSTORE)
    Optional<String> keystore;

    @Inject
    @ConfigProperty(name = KEYSTORE_PASSWORD)
    Optional<String> keystorePassword;

    @Inject
    @ConfigProperty(name = KEY_ALIAS)
    Optional<String> keyAlias;

    /** Settings given directly, for tests and tools; the service gets its own from MicroProfile Config. */
    public static SigningSettings of(String algorithm, Optional<Path> keystore, Optional<String> keystorePassword,
                                     Optional<String> keyAlias) {
        SigningSettings settings = new SigningSettings();
        settings.algorithm = algorithm;
        settings.keystore = keystore.map(Path::toString);
        settings.keystorePassword = keystorePassword;
        settings.keyAlias = keyAlias;
        return settings;
    }

    /** The configured algorithm; anything but RS256, PS256 or ES256 (case aside) stops the start. */
    public JWSAlgorithm algorithm() {
        return parseAlgorithm(algorithm);
    }

    public Optional<Path> keystore() {
        return nonBlank(keystore).map(Path::of);
    }

    public Optional<char[]> keystorePassword() {
        // not trimmed: a password may well end in a space
        return keystorePassword.filter(password -> !password.isEmpty()).map(String::toCharArray);
    }

    public Optional<String> keyAlias() {
        return nonBlank(keyAlias);
    }

    static JWSAlgorithm parseAlgorithm(String name) {
        String wanted = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
        return SUPPORTED.stream().filter(alg -> alg.getName().equals(wanted)).findFirst()
                .orElseThrow(() -> new SigningConfigurationException(ALGORITHM + "='" + name + "' is not supported: use "
                        + "RS256 (the default), PS256 or ES256."));
    }

    private static Optional<String> nonBlank(Optional<String> value) {
        return value.map(String::trim).filter(v -> !v.isEmpty());
    }
}
