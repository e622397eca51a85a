package jp.oqs.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import jp.oqs.audit.AuditEntry;
import jp.oqs.insurer.Insurer;
import org.flywaydb.core.Flyway;
import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.Test;

/** A sequence left behind its table (as a kill of the embedded engine leaves it) is moved past the table's ids. */
class SequenceRecoveryTest {

    @Test
    void aSequenceBehindItsTableIsMovedPastItsHighestIdAndOnlyThen() throws SQLException {
        JDBCDataSource database = EmbeddedDatabase.inMemory("sequence-recovery");
        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            assertTrue(SequenceRecovery.isNeeded(connection));
            // committed rows hold ids 1..1000 while the sequence still stands at its start (50)
            sql.executeUpdate("INSERT INTO audit_entry (id, shard, shard_seq, occurred_at, actor_kind, actor, kind,"
                    + " check_id, result, prev_hash, entry_hash) VALUES (1000, 0, 1, SYSTIMESTAMP, 'CLINIC', 'x',"
                    + " 'LOOKUP', 'c', '1', 'p', 'h')");

            List<String> moved = SequenceRecovery.run(connection, List.of(AuditEntry.class, Insurer.class));

            assertEquals(List.of("audit_entry_seq: 50 -> 1050"), moved, "only the sequence behind its table");
            try (ResultSet next = sql.executeQuery("SELECT audit_entry_seq.NEXTVAL FROM dual")) {
                next.next();
                assertEquals(1050, next.getLong(1), "the next block (1001..1050) lies past every committed id");
            }
            assertEquals(List.of(), SequenceRecovery.run(connection, List.of(AuditEntry.class)), "then nothing");
        }
    }
}
