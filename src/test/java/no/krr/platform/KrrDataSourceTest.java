package no.krr.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import javax.sql.XAConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KrrDataSourceTest {

    @Test
    void aPostgresqlUrlSelectsPostgresqlAndAnythingElseH2() {
        assertTrue(KrrDataSource.isPostgres("jdbc:postgresql://127.0.0.1:5432/krr"));
        assertFalse(KrrDataSource.isPostgres("jdbc:h2:file:./krr-data/krr"));
        assertFalse(KrrDataSource.isPostgres(null));
    }

    @Test
    void givesXaConnectionsToTheEmbeddedDatabase(@TempDir Path dir) throws Exception {
        KrrDataSource ds = new KrrDataSource();
        ds.setUrl("jdbc:h2:file:" + dir.resolve("db").toAbsolutePath());
        ds.setUser("krr");
        ds.setPassword("krr");
        XAConnection xa = ds.getXAConnection();
        try (Connection c = xa.getConnection(); ResultSet rs = c.createStatement().executeQuery("select 41 + 1")) {
            rs.next();
            assertEquals(42, rs.getInt(1));
        } finally {
            xa.close();
        }
    }

    @Test
    void withoutAUrlItSaysWhatIsMissing() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new KrrDataSource().getConnection());
        assertTrue(e.getMessage().contains("krr.datasource.url"));
    }
}
