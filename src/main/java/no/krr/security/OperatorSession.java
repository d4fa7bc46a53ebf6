package no.krr.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Optional;

/**
 * An operator logged in to the console: the admin issuer's tokens of the login, kept in the HTTP
 * session on the server (the browser holds only the session cookie), and the session's CSRF token.
 * The admin API accepts a request that carries the session cookie as if it carried the access
 * token ({@link AdminTokenFilter}): the same checks, the same role, the same {@code startedBy}.
 * Serializable, so that a server that replicates sessions may keep it.
 *
 * @param accessToken the admin issuer's access token ({@code aud} {@code krr.admin.audience})
 * @param idToken     the ID token of the login, for the identity provider's logout
 * @param subject     the operator ({@code sub})
 * @param csrfToken   what every state-changing call must send as {@value #CSRF_HEADER}
 * @param expiresAt   when the access token expires; the console must log in again after it
 */
public record OperatorSession(String accessToken, String idToken, String subject, String csrfToken, Instant expiresAt)
        implements Serializable {

    public static final String ATTRIBUTE = "krr.console.operator";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    /** The operator of the request's session; empty without a session or a login in it. */
    public static Optional<OperatorSession> of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        return session.getAttribute(ATTRIBUTE) instanceof OperatorSession operator ? Optional.of(operator) : Optional.empty();
    }

    /** Whether a request's CSRF header is this session's token (compared in constant time). */
    public boolean csrfMatches(String header) {
        return header != null && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8),
                csrfToken.getBytes(StandardCharsets.UTF_8));
    }

    /** Never the tokens: a session may be logged or dumped. */
    @Override
    public String toString() {
        return "OperatorSession[subject=" + subject + ", expiresAt=" + expiresAt + "]";
    }
}
