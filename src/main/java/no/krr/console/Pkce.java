package no.krr.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Proof Key for Code Exchange (RFC 7636), method {@code S256}: the verifier stays in the session,
 * its challenge goes with the authorization request, so a code that leaks from the redirect is no
 * use to anyone without the session. A few lines with the JDK's SHA-256 rather than an OAuth
 * library: the rest of the flow needs none.
 */
public record Pkce(String verifier) {

    public static final String METHOD = "S256";

    public static Pkce random() {
        return new Pkce(Randoms.urlSafe(32));
    }

    public String challenge() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "Pkce[…]";
    }
}
