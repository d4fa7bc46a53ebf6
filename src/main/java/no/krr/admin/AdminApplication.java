package no.krr.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import no.krr.importing.ImportResource;
import no.krr.web.ExceptionMappers;
import no.krr.web.NoStoreFilter;

/** The admin API under {@code /admin} (role {@code krr-admin}, see {@code krr.auth.admin-scope}). */
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
        return Set.of(ImportResource.class, PersonAuditResource.class, no.krr.reconcile.ReconciliationResource.class, no.krr.platform.MigrationsGate.class, no.krr.security.TokenTimeFilter.class, JobResource.class, NoStoreFilter.class,
                ExceptionMappers.WebApplication.class, ExceptionMappers.Unexpected.class);
    }
}
