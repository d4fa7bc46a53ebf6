package no.krr.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import no.krr.person.api.PersonResource;
import no.krr.security.CitizenTokenFilter;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The user API under {@code /rest}. The service has three JAX-RS applications ({@code /rest},
 * {@code /admin}, {@code /.well-known}) rather than one at {@code /}, so that static content (the
 * Swagger UI) keeps being served by the servlet container. It must be a CDI bean for Payara to honour
 * {@code @LoginConfig}; the MicroProfile JWT mechanism then guards the whole module.
 */
@ApplicationPath("rest")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT", realmName = "krr")
@OpenAPIDefinition(info = @Info(title = "KRR person service", version = "1",
        description = "The person API of the contact and reservation register (KRR): a citizen reads their own "
                + "record with an ID-porten access token. Operators use the admin API with a token carrying the "
                + "admin scope. Errors are RFC 9457 problem details."))
@SecurityScheme(securitySchemeName = "idporten", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "ID-porten access token (or, for /admin, a token with the admin scope)")
public class RestApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(PersonResource.class, no.krr.platform.MigrationsGate.class, no.krr.security.TokenTimeFilter.class, CitizenTokenFilter.class, NoStoreFilter.class,
                ExceptionMappers.WebApplication.class, ExceptionMappers.Unexpected.class);
    }
}
