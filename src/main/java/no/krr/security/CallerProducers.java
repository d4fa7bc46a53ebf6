package no.krr.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The request's caller as beans: {@link CallerToken}, which the door's filter fills, and
 * {@code @Inject JsonWebToken}, the token as the door verified it ({@link VerifiedToken}),
 * {@link VerifiedToken#NONE} on a request without one. Payara's own MP-JWT beans are not there: its
 * CDI extension adds them only for an application with {@code @LoginConfig(authMethod = "MP-JWT")},
 * which this service does not have (it checks tokens itself, docs/design.md "Tokens and errors").
 *
 * <p>Both request-scoped, so a bean of any scope sees the current request's caller through the
 * proxy. Made by producer methods rather than as managed beans: Payara inspects a managed bean's
 * class by reflection for resource injection every time it creates one, which on the user API was
 * once per request (bench/RESULTS.md). The token is produced at its first use in a request, which
 * on {@code /rest} and {@code /admin} is after the door's filter. Typed as {@code JsonWebToken}
 * only: as a {@code Principal} it would clash with the container's built-in {@code Principal} bean.
 */
@ApplicationScoped
public class CallerProducers {

    @Produces
    @RequestScoped
    CallerToken callerToken() {
        return new CallerToken();
    }

    @Produces
    @RequestScoped
    @Typed(JsonWebToken.class)
    JsonWebToken jsonWebToken(CallerToken caller) {
        return caller.token();
    }
}
