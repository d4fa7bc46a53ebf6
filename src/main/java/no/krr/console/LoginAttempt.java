package no.krr.console;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A login on its way through the identity provider: the {@code state} that ties the callback to
 * this browser, the {@code nonce} the ID token must repeat, and the PKCE verifier. It travels in a
 * cookie of its own ({@link #COOKIE}: {@code HttpOnly}, {@code SameSite=Lax}, path
 * {@code /console/callback}, ten minutes), not in the session: the session cookie is
 * {@code SameSite=Strict}, which a browser does not send on the redirect back from an identity
 * provider on another site, and no session exists before a login succeeds. The values are random
 * and only this browser holds them; one use: the callback clears the cookie, whatever the outcome.
 */
public record LoginAttempt(String state, String nonce, Pkce pkce, Instant startedAt) {

    public static final String COOKIE = "KRR_CONSOLE_LOGIN";
    /** Longer than anyone takes at a login page, short enough that a stale tab must start again. */
    static final Duration PATIENCE = Duration.ofMinutes(10);
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_-]{16,128}");

    public static LoginAttempt start(Instant now) {
        return new LoginAttempt(Randoms.urlSafe(24), Randoms.urlSafe(24), Pkce.random(), now);
    }

    /** Whether a callback with this {@code state} at {@code now} belongs to this attempt. */
    public boolean answeredBy(String callbackState, Instant now) {
        return state.equals(callbackState) && !now.isAfter(startedAt.plus(PATIENCE));
    }

    /** The cookie's value. */
    public String cookieValue() {
        String joined = state + "." + nonce + "." + pkce.verifier() + "." + startedAt.getEpochSecond();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.US_ASCII));
    }

    /** The attempt a cookie value holds; empty for anything this class did not write. */
    public static Optional<LoginAttempt> fromCookie(String value) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.US_ASCII).split("\\.", -1);
            if (parts.length != 4 || !VALUE.matcher(parts[0]).matches() || !VALUE.matcher(parts[1]).matches()
                    || !VALUE.matcher(parts[2]).matches()) {
                return Optional.empty();
            }
            return Optional.of(new LoginAttempt(parts[0], parts[1], new Pkce(parts[2]),
                    Instant.ofEpochSecond(Long.parseLong(parts[3]))));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "LoginAttempt[startedAt=" + startedAt + "]";
    }
}
