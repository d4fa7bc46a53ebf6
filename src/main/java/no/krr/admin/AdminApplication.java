package no.krr.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import no.krr.importing.ImportResource;
import no.krr.platform.MigrationsGate;
import no.krr.reconcile.ReconciliationResource;
import no.krr.security.BearerTokenFilter;
import no.krr.web.ExceptionMappers;
import no.krr.web.NoStoreFilter;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;

/** The admin API under {@code /admin}: a bearer token with the admin scope (role {@code krr-admin}, see {@code krr.auth.admin-scope}). */
@ApplicationPath("admin")
@ApplicationScoped
public class AdminApplication extends Application {

    /** Keep {@code Location} as contract §3 writes it, relative ({@code /admin/v1/jobs/{id}}). */
    @Override
    public java.util.Map<String, Object> getProperties() {
        return java.util.Map.of("jersey.config.server.headers.location.relative.resolution.disabled", true);
    }

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ImportResource.class, PersonAuditResource.class, ReconciliationResource.class, JobResource.class,
                MigrationsGate.class, BearerTokenFilter.class, RolesAllowedDynamicFeature.class, NoStoreFilter.class,
                ExceptionMappers.WebApplication.class, ExceptionMappers.Unexpected.class);
    }
}
