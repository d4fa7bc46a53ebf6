package no.krr.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;
import no.krr.security.RoleCheckFailures;
import no.krr.web.ExceptionMappers;
import no.krr.web.NoStoreFilter;
import no.krr.person.api.PersonResource;
import no.krr.platform.MigrationsGate;
import no.krr.security.BearerTokenFilter;
import no.krr.security.CitizenTokenFilter;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The user API under {@code /rest}. The service has three JAX-RS applications ({@code /rest},
 * {@code /admin}, {@code /.well-known}) rather than one at {@code /}, so that static content (the
 * Swagger UI) keeps being served by the servlet container. Every request here needs a bearer token
 * ({@link BearerTokenFilter}); {@code @RolesAllowed} is checked by Jersey's
 * {@link RolesAllowedDynamicFeature} against the token's scopes. The applications live in
 * {@code app}, the composition root: the one package that may know every other.
 */
@ApplicationPath("rest")
@ApplicationScoped
@OpenAPIDefinition(info = @Info(title = "KRR person service", version = "1",
        description = "The person API of the contact and reservation register (KRR): a citizen reads their own "
                + "record with an ID-porten access token. Operators use the admin API with a token of the agency's own identity "
                + "provider (krr.admin.issuer) carrying the admin scope. Errors are RFC 9457 problem details."))
@SecurityScheme(securitySchemeName = "idporten", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "ID-porten access token (the user API; never accepted on /admin)")
public class RestApplication extends Application {

    /**
     * No response buffer: Jersey would otherwise buffer every body (8 KiB allocated per request) to
     * learn its length, while the person resource sets {@code Content-Length} itself; the few other
     * bodies here (problem details) are then sent chunked.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of(ServerProperties.OUTBOUND_CONTENT_LENGTH_BUFFER, 0);
    }

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(PersonResource.class, MigrationsGate.class, BearerTokenFilter.class, CitizenTokenFilter.class,
                RolesAllowedDynamicFeature.class, NoStoreFilter.class,
                ExceptionMappers.WebApplication.class, ExceptionMappers.Unexpected.class,
                RoleCheckFailures.NoToken.class, RoleCheckFailures.MissingScope.class);
    }
}
