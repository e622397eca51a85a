package jp.oqs.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.Entity;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import jp.oqs.audit.AuditEntry;
import jp.oqs.insurer.Insurer;
import org.flywaydb.core.Flyway;
import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.Test;

/**
 * A sequence left behind its table (as a kill of the embedded engine leaves it) is moved past the table's ids, and
 * finding a table's highest id reads its index, not the table (the recovery runs at every start).
 */
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

    @Test
    void everyTablesHighestIdIsReadFromAnIndexNotByReadingTheTable() throws Exception {
        JDBCDataSource database = EmbeddedDatabase.inMemory("sequence-recovery-plans");
        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
        List<SequenceRecovery.SequencedId> ids = SequenceRecovery.sequencedIds(entityClasses());
        assertTrue(ids.size() >= 10, "the entities with sequence-generated ids were found: " + ids);
        assertTrue(ids.stream().anyMatch(id -> id.table().equals("audit_entry")), "audit_entry among them");
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            for (SequenceRecovery.SequencedId id : ids) {
                String plan = plan(sql, SequenceRecovery.highestIdQuery(id.table(), id.column()));
                // a full scan reads every row at every start (2 s of a start with 100,000 persons loaded)
                assertTrue(plan.contains("access=INDEX PRED") && !plan.contains("FULL SCAN"),
                        id.table() + "." + id.column() + " is read from an index; the plan was:\n" + plan);
            }
            // the shape the engine cannot answer from the index is told apart by the same check
            assertTrue(plan(sql, "SELECT COALESCE(MAX(id), 0) FROM audit_entry").contains("FULL SCAN"));
        }
    }

    private static String plan(Statement sql, String query) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (ResultSet lines = sql.executeQuery("EXPLAIN PLAN FOR " + query)) {
            while (lines.next()) {
                plan.append(lines.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    /** Every {@code @Entity} class of the module, from its compiled classes. */
    private static List<Class<?>> entityClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(AuditEntry.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names;
        try (Stream<Path> files = Files.walk(classes)) {
            names = files.map(classes::relativize).map(Path::toString)
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .toList();
        }
        List<Class<?>> entities = new ArrayList<>();
        for (String name : names) {
            Class<?> type = Class.forName(name, false, SequenceRecoveryTest.class.getClassLoader());
            if (type.isAnnotationPresent(Entity.class)) {
                entities.add(type);
            }
        }
        return entities;
    }
}
