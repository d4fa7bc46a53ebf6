package no.krr.signing;

/**
 * The signing settings or the keystore they name cannot work. Thrown while the service starts, so
 * the deployment fails with this message rather than answering {@code application/jose} requests
 * with errors later; the message names the configuration key to fix and never a password.
 */
public class SigningConfigurationException extends IllegalStateException {

    public SigningConfigurationException(String message) {
        super(message);
    }

    public SigningConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
