package no.krr.platform;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the versioned schema migrations ({@code db/migration}, and the Java ones named here:
 * given to Flyway, not scanned for, since a WAR's classes are no plain directory) when the application starts,
 * before it serves anything: a startup singleton finishes before the deployment does, so no request
 * reaches the schema first. Readiness reports DOWN until it has run.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class Migrations {

    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    @Inject
    private DataSource dataSource;

    // static: read by the readiness check and the request gate while this singleton is still being made
    private static volatile boolean applied;

    @PostConstruct
    void migrate() {
        MigrateResult result = flyway(dataSource).load().migrate();
        applied = true;
        LOG.info(() -> "Schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now, database " + result.database + ")");
    }

    static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DataSource dataSource) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .javaMigrations(new V3_1__AuditIdsInBlocks());
    }

    public static boolean applied() {
        return applied;
    }
}
