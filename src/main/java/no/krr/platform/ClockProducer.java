package no.krr.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import no.krr.person.VarslingRule;

/** The one clock of the application, and the rules that read it; tests of rules pass their own. */
@ApplicationScoped
public class ClockProducer {

    @Produces
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    VarslingRule varslingRule(Clock clock) {
        return new VarslingRule(clock);
    }
}
