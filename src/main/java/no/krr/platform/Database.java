package no.krr.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one datasource of the service. Its URL, user and password are MicroProfile Config values
 * (Payara resolves {@code ${MPCONFIG=…}}), so a plain {@code java -jar payara-micro.jar --deploy}
 * configured by environment variables needs no post-boot file: the embedded H2 file database by
 * default, PostgreSQL when {@code krr.datasource.url} is a {@code jdbc:postgresql:} URL
 * ({@link KrrDataSource} picks the driver from the URL).
 *
 * <p>Operators who prefer a server-level pool (its sizes, validation and monitoring in asadmin)
 * create one in a post-boot file and name it in {@code krr.datasource.jndi-name}
 * ({@code server-config/postgresql.asadmin} does both); {@code persistence.xml} and
 * {@link #dataSource()} then use that one, and this definition's pool stays unused. An annotation
 * takes no configurable pool sizes: that is what the server-level pool is for.
 */
@DataSourceDefinition(
        name = Database.JNDI_NAME,
        className = "no.krr.platform.KrrDataSource",
        url = "${MPCONFIG=krr.datasource.url}",
        user = "${MPCONFIG=krr.datasource.user}",
        password = "${MPCONFIG=krr.datasource.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        initialPoolSize = 2,
        maxIdleTime = 300,
        properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=meta-data",
                "fish.payara.fail-all-connections=true",
                // one user for every connection: matching a request to a pooled connection by its
                // credentials (Payara's default for a @DataSourceDefinition) is work on every read
                "fish.payara.match-connections=false"
        })
@ApplicationScoped
public class Database {

    /** The name of the datasource defined here. */
    public static final String JNDI_NAME = "java:app/jdbc/krr";

    /** Names the datasource the service uses; persistence.xml reads it too, with the same default. */
    public static final String JNDI_NAME_KEY = "krr.datasource.jndi-name";

    @Inject
    @ConfigProperty(name = JNDI_NAME_KEY, defaultValue = JNDI_NAME)
    String jndiName;

    /** The datasource the service uses, for the code that works below JPA (migrations, readiness). */
    @Produces
    DataSource dataSource() {
        try {
            return InitialContext.doLookup(jndiName);
        } catch (NamingException e) {
            throw new IllegalStateException(JNDI_NAME_KEY + " names " + jndiName + ", which is not bound", e);
        }
    }
}
