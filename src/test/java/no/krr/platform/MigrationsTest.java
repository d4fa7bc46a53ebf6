package no.krr.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class MigrationsTest {

    @Test
    void theAuditSequenceMovesToBlocksAboveEveryIdInUse() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:migrations-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Migrations.flyway(ds).target("3").load().migrate();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (int i = 0; i < 3; i++) {
                s.execute("insert into person_audit (id, personidentifikator, field, changed_at, actor) "
                        + "values (next value for person_audit_seq, '11822648950', 'spraak', current_timestamp, 'citizen')");
            }
        }
        Migrations.flyway(ds).load().migrate();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into person_audit (personidentifikator, field, changed_at, actor) "
                    + "values ('11822648950', 'spraak', current_timestamp, 'import-persons')");
            try (ResultSet rs = s.executeQuery("select max(id) from person_audit where actor = 'import-persons'")) {
                rs.next();
                assertTrue(rs.getLong(1) > 3, "a row without an id takes the sequence's next value: " + rs.getLong(1));
            }
        }
        long first = next(ds);
        // EclipseLink reads a value v as the block v-49 … v: every id of the first block is new
        assertTrue(first - V3_1__AuditIdsInBlocks.BLOCK + 1 > 3, "first block starts above the ids in use: " + first);
        assertEquals(first + V3_1__AuditIdsInBlocks.BLOCK, next(ds));
    }

    @Test
    void theColumnDefaultIsWrittenInEachDatabasesOwnWords() {
        assertEquals("nextval('person_audit_seq')", V3_1__AuditIdsInBlocks.nextValue("PostgreSQL"));
        assertEquals("next value for person_audit_seq", V3_1__AuditIdsInBlocks.nextValue("H2"));
    }

    private static long next(JdbcDataSource ds) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select next value for person_audit_seq")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
