package jp.oqs.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.Test;

/** The migrations of sql/ run on HSQLDB in Oracle syntax mode, as on the embedded default, and keep their constraints. */
class MigrationsTest {

    @Test
    void migrationsApplyOnHsqldbInOracleModeAndEnforceTheirConstraints() throws SQLException {
        JDBCDataSource dataSource = EmbeddedDatabase.inMemory("migrations");
        var result = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        assertTrue(result.success);

        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            var next = sql.executeQuery("SELECT insurer_seq.NEXTVAL FROM dual");
            next.next();
            assertEquals(50, next.getLong(1), "a sequence starts at its increment (EclipseLink preallocation)");
            String insert = "INSERT INTO insurer (id, insurer_number, name_kanji, name_kana, prefecture_code, category,"
                    + " managing_organisation, status, registered_at, registered_by, row_version) VALUES"
                    + " (%d, '%s', '協会', 'キョウカイ', '13', 'KYOKAI_KENPO', 'SSK', '%s', SYSTIMESTAMP, 't', 1)";
            sql.executeUpdate(insert.formatted(1, "01130012", "ONBOARDING"));
            assertThrows(SQLException.class, () -> sql.executeUpdate(insert.formatted(2, "01130012", "ONBOARDING")),
                    "the insurer number is unique");
            assertThrows(SQLException.class, () -> sql.executeUpdate(insert.formatted(3, "33120015", "MERGED")),
                    "a merged insurer needs its successor and date");
            assertThrows(SQLException.class, () -> sql.executeUpdate(
                    "INSERT INTO numbering_rule (id, insurer_id, kind, effective_from, format_length, registered_at,"
                            + " registered_by) VALUES (1, 1, 'CENTRAL_GENERATED', DATE '2026-01-01', 10, SYSTIMESTAMP, 't')"),
                    "only an INSURER_RULE has a format");
        }
    }
}
