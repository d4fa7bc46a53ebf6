package no.krr.web;

import java.util.Optional;

/**
 * The status an error page answers for a failure the container reports. Grizzly refuses a form
 * body over the listener's {@code max-post-size-bytes} (2 MB) by throwing from
 * {@code getParameter}, which the container reports as a 500 of whichever servlet asked (Payara's
 * health servlet reads parameters on POST): that is the caller's too-large body, a 413. Grizzly
 * says so only in its message, so the message is what is matched.
 */
public final class ContainerFailure {

    private static final String POST_TOO_LARGE = "GRIZZLY0205";
    private static final int MAX_CAUSE_DEPTH = 32;

    private ContainerFailure() {
    }

    public static int statusFor(int reported, Optional<Throwable> failure) {
        Throwable cause = failure.orElse(null);
        for (int depth = 0; cause != null && depth < MAX_CAUSE_DEPTH; depth++, cause = cause.getCause()) {
            if (cause instanceof IllegalStateException && cause.getMessage() != null && cause.getMessage().contains(POST_TOO_LARGE)) {
                return 413;
            }
        }
        return reported;
    }
}
