package no.krr.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import javax.sql.XADataSource;
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
    void givesPlainConnectionsToTheEmbeddedDatabase(@TempDir Path dir) throws Exception {
        KrrDataSource ds = new KrrDataSource();
        ds.setUrl("jdbc:h2:file:" + dir.resolve("db").toAbsolutePath());
        ds.setUser("krr");
        ds.setPassword("krr");
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery("select 41 + 1")) {
            rs.next();
            assertEquals(42, rs.getInt(1));
        }
    }

    @Test
    void isNotAnXaDataSourceSoPayaraMakesALocalPool() {
        // Payara picks the pool's resource type from the class: an XADataSource would bring back 2PC
        assertFalse(XADataSource.class.isAssignableFrom(KrrDataSource.class));
    }

    @Test
    void aRelativeH2FilePathIsMadeAbsoluteAndTheOptionsKept() {
        String cwd = Path.of("").toAbsolutePath().toString();
        assertEquals("jdbc:h2:file:" + cwd + "/target/data/krr;LOCK_TIMEOUT=10000",
                KrrDataSource.withAbsoluteFilePath("jdbc:h2:file:target/data/krr;LOCK_TIMEOUT=10000"));
        assertEquals("jdbc:h2:file:" + cwd + "/krr-data/krr", KrrDataSource.withAbsoluteFilePath("jdbc:h2:file:./krr-data/krr"));
        assertEquals("jdbc:h2:file:/srv/krr/krr", KrrDataSource.withAbsoluteFilePath("jdbc:h2:file:/srv/krr/krr"));
        assertEquals("jdbc:h2:mem:x", KrrDataSource.withAbsoluteFilePath("jdbc:h2:mem:x"));
    }

    @Test
    void withoutAUrlItSaysWhatIsMissing() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new KrrDataSource().getConnection());
        assertTrue(e.getMessage().contains("krr.datasource.url"));
    }
}
