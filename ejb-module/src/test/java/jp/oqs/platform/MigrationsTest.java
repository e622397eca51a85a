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

    @Test
    void v14AddsTheSecurityAdministratorAndDisablesAuditorsGrantedByOneAdministratorAlone() throws SQLException {
        JDBCDataSource dataSource = EmbeddedDatabase.inMemory("migrations-v14");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("12").load().migrate();
        String account = "INSERT INTO staff_account (id, username, display_name, role, password_hash, created_at,"
                + " created_by) VALUES (%d, '%s', 'x', '%s', 'h', SYSTIMESTAMP, '%s')";
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.executeUpdate(account.formatted(1, "kokuho-lead", "kokuho-admin", "bootstrap"));
            sql.executeUpdate(account.formatted(2, "audit-old", "auditor", "kokuho-lead"));
            assertThrows(SQLException.class, () -> sql.executeUpdate(account.formatted(3, "sec", "security-admin",
                    "bootstrap")), "no security administrators before V14");
        }
        assertTrue(Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate()
                .success);
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            var old = sql.executeQuery("SELECT organisation, enabled FROM staff_account WHERE username = 'audit-old'");
            old.next();
            assertEquals("KOKUHO_CHUOKAI", old.getString(1), "the granting administrator's organisation");
            assertEquals(0, old.getInt(2), "disabled until a security administrator enables it");
            var lead = sql.executeQuery("SELECT organisation, enabled FROM staff_account WHERE username = 'kokuho-lead'");
            lead.next();
            assertEquals(null, lead.getString(1));
            assertEquals(1, lead.getInt(2));
            sql.executeUpdate(account.formatted(3, "sec", "security-admin", "bootstrap"));
            assertThrows(SQLException.class, () -> sql.executeUpdate("UPDATE staff_account SET organisation = 'SSK'"
                    + " WHERE username = 'sec'"), "only an auditor has an organisation");
            assertThrows(SQLException.class, () -> sql.executeUpdate("UPDATE staff_account SET organisation = 'ELSE'"
                    + " WHERE username = 'audit-old'"));
            assertThrows(SQLException.class, () -> sql.executeUpdate(account.formatted(4, "x-4", "superuser",
                    "bootstrap")));
        }
    }
}
