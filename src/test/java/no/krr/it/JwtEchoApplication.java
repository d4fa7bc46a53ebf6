package no.krr.it;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import no.krr.security.BearerTokenFilter;
import no.krr.security.RoleCheckFailures;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;

/**
 * A test-only JAX-RS application ({@code /jwt-echo}) that {@link UserApiIT} adds to the WAR: the
 * user API's door and role check in front of {@link JwtEchoResource}, which echoes what
 * {@code @Inject JsonWebToken} and {@code @Inject @Claim} give it.
 */
@ApplicationPath("jwt-echo")
@ApplicationScoped
public class JwtEchoApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(JwtEchoResource.class, BearerTokenFilter.class, RolesAllowedDynamicFeature.class,
                RoleCheckFailures.NoToken.class, RoleCheckFailures.MissingScope.class);
    }

    /** The same resource without any door ({@code /jwt-anonymous}): what a request without a token sees. */
    @ApplicationPath("jwt-anonymous")
    @ApplicationScoped
    public static class Anonymous extends Application {

        @Override
        public Set<Class<?>> getClasses() {
            return Set.of(JwtEchoResource.class);
        }
    }
}
