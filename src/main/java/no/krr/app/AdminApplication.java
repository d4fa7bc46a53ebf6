package no.krr.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import no.krr.admin.AdminApi;
import no.krr.admin.JobResource;
import no.krr.admin.PersonAuditResource;
import no.krr.importing.ImportResource;
import no.krr.platform.MigrationsGate;
import no.krr.reconcile.ReconciliationResource;
import no.krr.security.AdminTokenFilter;
import no.krr.security.ConsoleCsrfFilter;
import no.krr.security.RoleCheckFailures;
import no.krr.web.ExceptionMappers;
import no.krr.web.NoStoreFilter;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;

/**
 * The admin API under {@code /admin}: a bearer token of the agency's own identity provider
 * ({@code krr.admin.issuer}, never ID-porten) with the admin scope (role {@code krr-admin}, see
 * {@code krr.auth.admin-scope}), checked by {@link AdminTokenFilter}. It lives in {@code app},
 * the composition root, so that listing the features' resources makes no feature depend on
 * {@code admin} and {@code admin} on them at once.
 */
@ApplicationPath("admin")
@ApplicationScoped
@SecurityScheme(securitySchemeName = AdminApi.SECURITY_SCHEME, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT",
        description = "An access token of the agency's own identity provider (Entra ID, Keycloak, Maskinporten, ...), never "
                + "an ID-porten token: iss = krr.admin.issuer, signed (RS256, PS256 or ES256) with a key of krr.admin.jwks, "
                + "aud = krr.admin.audience (default krr-admin), and the scope krr.auth.admin-scope (default krr:admin) in "
                + "'scope' (space-separated), 'scp' (string or array) or 'roles' (array). A token with a 'pid' claim is "
                + "refused (403). Without krr.admin.issuer every admin call answers 401.")
public class AdminApplication extends Application {

    /** Keep {@code Location} as docs/api.md §3 writes it, relative ({@code /admin/v1/jobs/{id}}). */
    @Override
    public java.util.Map<String, Object> getProperties() {
        return java.util.Map.of("jersey.config.server.headers.location.relative.resolution.disabled", true);
    }

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ImportResource.class, PersonAuditResource.class, ReconciliationResource.class, JobResource.class,
                OverviewResource.class, ConsoleCsrfFilter.class,
                MigrationsGate.class, AdminTokenFilter.class, RolesAllowedDynamicFeature.class, NoStoreFilter.class,
                ExceptionMappers.WebApplication.class, ExceptionMappers.Unexpected.class,
                RoleCheckFailures.NoToken.class, RoleCheckFailures.MissingScope.class);
    }
}
