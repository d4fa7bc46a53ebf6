package no.krr.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Checks the token configuration once at start ({@link TokenDoors}): a configuration that would let
 * citizens into the admin API fails the deployment, and a closed admin API or an open audience is
 * said once in the log.
 */
@ApplicationScoped
public class TokenDoorsCheck {

    private static final Logger LOG = Logger.getLogger(TokenDoorsCheck.class.getName());

    @Inject
    AdminTokens admin;

    void check(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        TokenDoors doors = admin.doors();
        doors.refusal().ifPresent(why -> {
            LOG.severe(why);
            throw new IllegalStateException(why);
        });
        doors.adminClosedNotice().ifPresent(LOG::info);
        doors.audienceWarning().ifPresent(LOG::warning);
    }
}
