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
 * be a literal in both H2's and PostgreSQL's grammar, hence a Java migration.
 */
public class V3_1__AuditIdsInBlocks extends BaseJavaMigration {

    static final int BLOCK = 50;

    static long restartAt(long highestIdInUse) {
        return Math.max(0, highestIdInUse) + BLOCK;
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
        }
    }
}
