package no.krr.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatasourceDefaultsTest {

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:postgresql://db:5432/krr", "jdbc:postgresql://db/krr?sslmode=require",
            "jdbc:postgresql:krr", "jdbc:postgresql://h1:5432,h2:5432/krr?targetServerType=primary"})
    void aPostgresqlUrlGetsThePostgresqlDataSource(String url) {
        assertEquals("org.postgresql.ds.PGSimpleDataSource", DatasourceDefaults.classNameFor(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:h2:file:./krr-data/krr;DB_CLOSE_ON_EXIT=FALSE", "jdbc:h2:mem:krr", ""})
    void anyOtherUrlGetsTheEmbeddedH2DataSource(String url) {
        assertEquals("org.h2.jdbcx.JdbcDataSource", DatasourceDefaults.classNameFor(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:postgres://db/krr", "jdbc:h2:file:./postgresql/krr", "postgresql://db/krr"})
    void onlyTheJdbcPostgresqlPrefixCounts(String url) {
        assertEquals("org.h2.jdbcx.JdbcDataSource", DatasourceDefaults.classNameFor(url));
    }
}
