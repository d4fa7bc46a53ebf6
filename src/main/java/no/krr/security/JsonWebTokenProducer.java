package no.krr.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * {@code @Inject JsonWebToken}: the request's token as the door verified it ({@link VerifiedToken}),
 * {@link VerifiedToken#NONE} on a request without one. Payara's own MP-JWT beans are not there: its
 * CDI extension adds them only for an application with {@code @LoginConfig(authMethod = "MP-JWT")},
 * which this service does not have (it checks tokens itself, docs/design.md "Tokens and errors").
 *
 * <p>Request-scoped, so a bean of any scope sees the current request's token through the proxy; the
 * producer runs at the first call in a request, which on {@code /rest} and {@code /admin} is after the
 * door's filter. Typed as {@code JsonWebToken} only: as a {@code Principal} it would clash with the
 * container's built-in {@code Principal} bean.
 */
@ApplicationScoped
public class JsonWebTokenProducer {

    @Inject
    CallerToken caller;

    @Produces
    @RequestScoped
    @Typed(JsonWebToken.class)
    JsonWebToken jsonWebToken() {
        return caller.token();
    }
}
