package no.krr.platform;

import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Moves {@code person_audit_seq} to blocks of 50, so that EclipseLink fetches the ids of 50 audit
 * rows in one round trip (an import writes many per chunk). EclipseLink takes a value {@code v} of
 * the sequence to mean the block {@code v-49 … v} and refuses a sequence whose next value is below
 * its block size, so the sequence restarts at the highest id in use plus 50. A restart value must
 * be a literal in both H2's and PostgreSQL's grammar, and the column default that names the
 * sequence is written differently by each, hence a Java migration.
 */
public class V3_1__AuditIdsInBlocks extends BaseJavaMigration {

    static final int BLOCK = 50;

    static long restartAt(long highestIdInUse) {
        return Math.max(0, highestIdInUse) + BLOCK;
    }

    /**
     * The sequence as the id column's default, for rows written in a JDBC batch without an id
     * ({@code AuditTrail.recordAll}); each takes one value, which never falls in a block EclipseLink
     * holds (its blocks end at a value it took).
     */
    static String nextValue(String databaseProduct) {
        return databaseProduct.toLowerCase(java.util.Locale.ROOT).contains("postgres")
                ? "nextval('person_audit_seq')" : "next value for person_audit_seq";
    }

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            long highest;
            try (ResultSet rs = statement.executeQuery("select coalesce(max(id), 0) from person_audit")) {
                rs.next();
                highest = rs.getLong(1);
            }
            statement.execute("alter sequence person_audit_seq restart with " + restartAt(highest)
                    + " increment by " + BLOCK);
            statement.execute("alter table person_audit alter column id set default "
                    + nextValue(context.getConnection().getMetaData().getDatabaseProductName()));
        }
    }
}
