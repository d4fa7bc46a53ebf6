package no.krr.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import no.krr.web.Problem;

/**
 * Payara opens the HTTP listener while the startup singletons still run: until the schema is
 * migrated, the APIs answer 503 with {@code Retry-After} rather than touch a half-made schema.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class MigrationsGate implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (!Migrations.applied()) {
            request.abortWith(Problem.of(503, "starting", "Starting", "The service is starting; try again shortly.")
                    .response().header("Retry-After", "2").build());
        }
    }
}
