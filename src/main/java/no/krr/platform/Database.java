package no.krr.platform;

import jakarta.annotation.sql.DataSourceDefinition;

/**
 * The one datasource of the service. Its URL, user and password are MicroProfile Config values
 * (Payara resolves {@code ${MPCONFIG=…}}), so a plain {@code java -jar payara-micro.jar --deploy}
 * configured by environment variables needs no post-boot file: the embedded H2 file database by
 * default, PostgreSQL when {@code krr.datasource.url} is a {@code jdbc:postgresql:} URL
 * ({@link KrrDataSource} picks the driver from the URL).
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
                "fish.payara.fail-all-connections=true"
        })
public final class Database {

    public static final String JNDI_NAME = "java:app/jdbc/krr";

    private Database() {
    }
}
