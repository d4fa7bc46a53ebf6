package no.krr.console;

import java.time.Instant;
import java.util.Optional;

/**
 * What the identity provider's redirect to {@code /console/callback} says, checked against the
 * login it must belong to: a code to exchange, or why the login ends here. The provider's own
 * {@code error_description} is not shown: it is text of the provider's choosing, in a page of ours.
 */
public sealed interface Callback {

    record Code(String code) implements Callback {
        @Override
        public String toString() {
            return "Code[…]";
        }
    }

    /** The login ends; {@code reason} is for the operator (Norwegian), {@code logReason} for the log. */
    record Ended(String reason, String logReason) implements Callback {
    }

    static Callback of(Optional<LoginAttempt> attempt, Optional<String> state, Optional<String> code,
                       Optional<String> error, Instant now) {
        if (attempt.isEmpty()) {
            return new Ended("Innloggingen er utløpt eller ble startet i en annen fane. Logg inn på nytt.",
                    "no login attempt in the session");
        }
        if (state.isEmpty() || !attempt.get().answeredBy(state.get(), now)) {
            return new Ended("Innloggingen kunne ikke bekreftes (utløpt eller ukjent). Logg inn på nytt.",
                    "state missing, different or too old");
        }
        if (error.isPresent()) {
            return new Ended("Innloggingen ble avbrutt hos identitetsleverandøren.",
                    "the identity provider answered error=" + error.get().replaceAll("[^A-Za-z0-9_.-]", "?"));
        }
        return code.filter(c -> !c.isBlank()).<Callback>map(Code::new)
                .orElseGet(() -> new Ended("Identitetsleverandøren sendte ingen kode. Logg inn på nytt.", "no code"));
    }
}
