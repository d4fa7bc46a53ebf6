package no.krr.signing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import no.krr.web.ExceptionMappers;

/**
 * Documents served under {@code /.well-known} (RFC 8615): the JWKS of the signing keys. No
 * {@code NoStoreFilter} here: these documents are public, the same for every caller, and cacheable.
 */
@ApplicationPath(".well-known")
@ApplicationScoped
public class WellKnownApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(JwksResource.class, ExceptionMappers.WebApplication.class, ExceptionMappers.Unexpected.class);
    }
}
