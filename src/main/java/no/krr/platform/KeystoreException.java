package no.krr.platform;

/**
 * A PKCS#12 keystore that cannot be used as configured. The message names the setting to fix and
 * never the password; callers wrap it in their own configuration error.
 */
public class KeystoreException extends RuntimeException {

    KeystoreException(String message) {
        super(message);
    }

    KeystoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
