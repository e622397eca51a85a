package jp.oqs.devtools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchDatabaseTest {

    private static final String URL = "jdbc:hsqldb:mem:bench-database-test;sql.syntax_ora=true";

    @Test
    void anEmptySchemaPassesAndOneWithTablesIsRefusedWithTheirNames() throws SQLException {
        try (Connection keepOpen = DriverManager.getConnection(URL, "SA", "")) {
            try (Statement sql = keepOpen.createStatement()) {
                sql.execute("CREATE USER bench PASSWORD 'secret' ADMIN");
            }
            assertTrue(BenchDatabase.requireEmpty(URL, "BENCH", "secret")
                    .endsWith("schema PUBLIC of BENCH (empty at the start)"));
            try (Statement sql = keepOpen.createStatement()) {
                sql.execute("CREATE TABLE insurer (id NUMBER(19) PRIMARY KEY)");
                sql.execute("CREATE VIEW insurer_view AS SELECT id FROM insurer");
            }
            assertEquals(List.of("INSURER"), BenchDatabase.tables(keepOpen), "tables only, not views");
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> BenchDatabase.requireEmpty(URL, "BENCH", "secret"));
            assertTrue(refused.getMessage().startsWith("schema PUBLIC of BENCH already has 1 table(s) (INSURER)"),
                    refused.getMessage());
            try (Statement sql = keepOpen.createStatement()) {
                sql.execute("SHUTDOWN");
            }
        }
    }
}
