package no.krr.person;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The application's {@link VarslingRule}, on the application's clock. The rule stays a plain
 * class that tests build with their own clock; this is only how CDI gets one.
 */
@ApplicationScoped
public class VarslingRuleProducer {

    @Produces
    VarslingRule varslingRule(Clock clock) {
        return new VarslingRule(clock);
    }
}
