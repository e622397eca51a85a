package jp.oqs.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.Test;

/** The migrations of sql/ run on HSQLDB in Oracle syntax mode, as on the embedded default, and keep their constraints. */
class MigrationsTest {

    /**
     * Foreign keys that no index of the migrations serves, and why none is needed. HSQLDB indexes every foreign key
     * itself, so on the embedded engine they cost nothing; Oracle does not, and there an unindexed foreign key means a
     * full scan of the child table for a query by it, and a lock on the whole child table while a parent row is
     * deleted or its key changed. None of these parents is ever deleted (history is never overwritten; insurers are
     * merged or closed, not removed), and no query selects the child rows by these columns alone. A new foreign key
     * gets an index in its migration, or a line here that says why not.
     */
    private static final Map<String, String> WITHOUT_INDEX_ON_ORACLE = Map.of(
            "CENTRAL_NUMBER_QUALIFICATION_FK", "central numbers are read by the number itself",
            "CERTIFICATE_ENROLMENT_PERSON_FK", "enrolments are read by issuer and serial number",
            "CHANGE_EVENT_Q_FK", "the changes feed is read by insurer and sequence (CHANGE_EVENT_SEQ_UK)",
            "CHECKUP_RESULT_INSURER_FK", "results are read by person (CHECKUP_RESULT_PERSON_IX), the insurer a filter",
            "DISPENSED_MEDICATION_INSURER_FK", "read by person (DISPENSED_MEDICATION_PERSON_IX), the insurer a filter",
            "INSURER_SUCCESSOR_FK", "a table of about 1,700 insurers",
            "OVERLAP_NOTICE_NEW_Q_FK", "read by insurer (OVERLAP_NOTICE_OPEN_IX) or still-open qualification",
            "QUALIFICATION_VERSION_SUP_FK", "versions are read by qualification (QUALIFICATION_VERSION_Q_IX)");

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

    @Test
    void everyForeignKeyHasAnIndexOfItsOwnForOracleOrTheReasonWhyNot() throws SQLException {
        JDBCDataSource dataSource = EmbeddedDatabase.inMemory("migrations-foreign-keys");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        Map<String, String> tableOfKey = new TreeMap<>();
        Map<String, List<String>> columnsOfKey = new HashMap<>();
        Map<String, Map<String, List<String>>> indexesOfTable = new HashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            try (ResultSet keys = sql.executeQuery("SELECT k.constraint_name, k.table_name, k.column_name"
                    + " FROM information_schema.key_column_usage k JOIN information_schema.referential_constraints r"
                    + " ON r.constraint_schema = k.constraint_schema AND r.constraint_name = k.constraint_name"
                    + " WHERE k.table_schema = 'PUBLIC' ORDER BY k.constraint_name, k.ordinal_position")) {
                while (keys.next()) {
                    tableOfKey.put(keys.getString(1), keys.getString(2));
                    columnsOfKey.computeIfAbsent(keys.getString(1), key -> new ArrayList<>()).add(keys.getString(3));
                }
            }
            try (ResultSet indexes = sql.executeQuery("SELECT table_name, index_name, column_name"
                    + " FROM information_schema.system_indexinfo WHERE table_schem = 'PUBLIC'"
                    + " ORDER BY table_name, index_name, ordinal_position")) {
                while (indexes.next()) {
                    indexesOfTable.computeIfAbsent(indexes.getString(1), table -> new HashMap<>())
                            .computeIfAbsent(indexes.getString(2), index -> new ArrayList<>())
                            .add(indexes.getString(3));
                }
            }
        }
        assertTrue(tableOfKey.size() > 20, "the schema's foreign keys were read: " + tableOfKey.keySet());
        TreeSet<String> unindexed = new TreeSet<>();
        tableOfKey.forEach((key, table) -> {
            List<String> columns = columnsOfKey.get(key);
            boolean served = indexesOfTable.getOrDefault(table, Map.of()).entrySet().stream()
                    // HSQLDB's own index for a foreign key is named after it: Oracle would have none of those
                    .filter(index -> !tableOfKey.containsKey(index.getKey()))
                    .anyMatch(index -> index.getValue().size() >= columns.size()
                            && index.getValue().subList(0, columns.size()).equals(columns));
            if (!served) {
                unindexed.add(key);
            }
        });
        assertEquals(new TreeSet<>(WITHOUT_INDEX_ON_ORACLE.keySet()), unindexed,
                "foreign keys that no index of the migrations leads with: give each an index, or a reason here");
    }
}
