package jp.oqs.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.NamedNativeQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jp.oqs.audit.AuditChainHead;
import org.flywaydb.core.Flyway;
import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Why the services lock rows with {@link RowLock} and not with JPA's PESSIMISTIC_WRITE: on the embedded engine a
 * {@code SELECT ... FOR UPDATE} lets a second transaction through with a stale value, the lock statement makes it
 * wait and then read the committed one. Runs the statement declared on {@link AuditChainHead}.
 */
class RowLockTest {

    private static JDBCDataSource database;

    @BeforeAll
    static void migrate() {
        database = EmbeddedDatabase.inMemory("row-lock");
        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
    }

    @Test
    void theLockStatementMakesASecondWriterWaitAndThenReadTheCommittedRow() throws Exception {
        String lock = AuditChainHead.class.getAnnotation(NamedNativeQuery.class).query();
        try (Connection first = transaction(); Connection second = transaction()) {
            assertEquals(1, update(first, lock, 7), "the row exists and is locked");
            long seen = lastSeq(first, 7);
            CompletableFuture<Long> waiting = CompletableFuture.supplyAsync(() -> {
                try {
                    update(second, lock, 7);
                    return lastSeq(second, 7);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(timesOut(waiting), "the second writer waits while the first holds the lock");
            update(first, "UPDATE audit_chain_head SET last_seq = last_seq + 1 WHERE shard = ?", 7);
            first.commit();
            assertEquals(seen + 1, waiting.get(10, TimeUnit.SECONDS), "then it reads the committed value");
            second.commit();
        }
    }

    @Test
    void selectForUpdateDoesNotLockOnTheEmbeddedEngine() throws Exception {
        try (Connection first = transaction(); Connection second = transaction()) {
            String forUpdate = "SELECT last_seq FROM audit_chain_head WHERE shard = 9 FOR UPDATE";
            first.createStatement().executeQuery(forUpdate).close();
            CompletableFuture<Boolean> other = CompletableFuture.supplyAsync(() -> {
                try (ResultSet row = second.createStatement().executeQuery(forUpdate)) {
                    return row.next();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertFalse(timesOut(other), "a second SELECT ... FOR UPDATE is not held back: it locks nothing");
            first.rollback();
            second.rollback();
        }
    }

    private static Connection transaction() throws SQLException {
        Connection connection = database.getConnection();
        connection.setAutoCommit(false);
        return connection;
    }

    private static int update(Connection connection, String sql, int shard) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, shard);
            return statement.executeUpdate();
        }
    }

    private static long lastSeq(Connection connection, int shard) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT last_seq FROM audit_chain_head WHERE shard = ?")) {
            query.setInt(1, shard);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static boolean timesOut(CompletableFuture<?> future) throws Exception {
        try {
            future.get(1, TimeUnit.SECONDS);
            return false;
        } catch (TimeoutException stillWaiting) {
            return true;
        }
    }
}
