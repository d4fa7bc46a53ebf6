package no.krr.console;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable values for the login's state, nonce and PKCE verifier, and the session's CSRF token. */
final class Randoms {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Randoms() {
    }

    /** {@code bytes} random bytes as unpadded base64url (43 characters for 32 bytes). */
    static String urlSafe(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
