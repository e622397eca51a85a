package jp.oqs.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.Metamodel;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * After a crash of the embedded engine, brings every entity sequence past the highest id its table holds.
 *
 * <p>HSQLDB writes a sequence's advance to its redo log only with a transaction that changes rows. EclipseLink takes
 * a block of ids with a bare {@code NEXTVAL} ({@code allocationSize} 50) and hands it to later transactions, which
 * commit rows with those ids; after a kill the sequence can then restart below them, and the next block collides
 * with committed rows (seen by the crash torture test as unique-key violations on {@code audit_entry}). Oracle's
 * sequences are durable on their own; this runs on HSQLDB only, at start, before the service is ready. Sequences
 * used only inside the writing transaction ({@code reception_seq}, {@code central_number_seq}) are durable with it.
 */
final class SequenceRecovery {

    private SequenceRecovery() {
    }

    static boolean isNeeded(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().startsWith("HSQL");
    }

    /** Returns what was moved, as {@code sequence: old -> new}. */
    static List<String> run(Connection connection, Metamodel metamodel) throws SQLException {
        return run(connection, metamodel.getEntities().stream().<Class<?>>map(EntityType::getJavaType).toList());
    }

    /** The same for the given entity classes: those with a table and a sequence-generated id. */
    static List<String> run(Connection connection, Collection<Class<?>> entities) throws SQLException {
        List<String> moved = new ArrayList<>();
        for (SequencedId id : sequencedIds(entities)) {
            long highest = single(connection, highestIdQuery(id.table(), id.column()));
            long next = nextValue(connection, id.sequence());
            // EclipseLink reads NEXTVAL as the last id of a block of allocationSize
            long needed = highest + id.allocationSize();
            if (next < needed) {
                try (Statement restart = connection.createStatement()) {
                    restart.execute("ALTER SEQUENCE " + id.sequence() + " RESTART WITH " + needed);
                }
                moved.add(id.sequence() + ": " + next + " -> " + needed);
            }
        }
        return moved;
    }

    /** An entity's table, its id column and the sequence that generates the id. */
    record SequencedId(String table, String column, String sequence, int allocationSize) {
    }

    /** The sequence-generated ids of the given entity classes (those with a table). */
    static List<SequencedId> sequencedIds(Collection<Class<?>> entities) {
        List<SequencedId> ids = new ArrayList<>();
        for (Class<?> entity : entities) {
            Table table = entity.getAnnotation(Table.class);
            for (Field field : entity.getDeclaredFields()) {
                SequenceGenerator generator = field.getAnnotation(SequenceGenerator.class);
                if (table == null || generator == null || field.getAnnotation(Id.class) == null) {
                    continue;
                }
                Column column = field.getAnnotation(Column.class);
                ids.add(new SequencedId(table.name(),
                        column == null || column.name().isEmpty() ? field.getName() : column.name(),
                        generator.sequenceName(), generator.allocationSize()));
            }
        }
        return ids;
    }

    /**
     * The highest id of a table, read from the end of its primary key's index. A bare {@code MAX} of an indexed
     * column is the shape the embedded engine answers from the index; wrapped in any expression (say
     * {@code COALESCE(MAX(id), 0)}) it reads every row of the table instead, at every start. An empty table
     * answers {@code NULL}, read as 0.
     */
    static String highestIdQuery(String table, String idColumn) {
        return "SELECT MAX(" + idColumn + ") FROM " + table;
    }

    private static long nextValue(Connection connection, String sequence) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT CAST(NEXT_VALUE AS BIGINT) FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_NAME = ?")) {
            query.setString(1, sequence.toUpperCase(Locale.ROOT));
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("no sequence " + sequence);
                }
                return row.getLong(1);
            }
        }
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
