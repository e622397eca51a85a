package jp.oqs.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Makes every commit an answer may show durable before the answer leaves. The web layer calls
 * {@link #awaitDurable()} before a response's first byte goes out, and again before each later part of it, so an
 * answer shows only what is on disk: the request's own commits and every commit it read.
 *
 * <p>On Oracle a commit is durable when it returns, and this does nothing. On the embedded engine the commits are
 * written at commit and synced in groups ({@link EmbeddedRedoLog}): one {@code fsync} for all the answers waiting at
 * that moment, outside the engine's database-wide lock. A commit that no answer waits for (a bulk check's chunk no
 * one has read yet) is in the operating system when it returns, so it survives the process being killed, and is on
 * disk by the next answer's sync or the next checkpoint.
 */
@ApplicationScoped
public class DurableCommits {

    private static final Logger LOG = System.getLogger(DurableCommits.class.getName());

    @Resource(lookup = "jdbc/oqs")
    private DataSource dataSource;

    /** {@code null} until the first call found the engine; empty where commits are durable when they return. */
    private volatile Optional<GroupSync> embedded;

    /**
     * Returns once every commit made before this call is durable. The first call finds out which engine this is; if
     * it cannot reach the database, it throws, and the next call tries again.
     */
    public void awaitDurable() {
        Optional<GroupSync> sync = embedded;
        (sync == null ? findEngine() : sync).ifPresent(GroupSync::awaitWritten);
    }

    /**
     * Finds the engine once the schema is there, at start: taking over the embedded engine's redo log begins a new
     * log (a checkpoint), which the first answer would otherwise wait for. If it fails here, the first answer tries
     * again.
     */
    void findEngineAtStart(@Observes SchemaMigrated migrated) {
        try {
            findEngine();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the database engine was not found at start (the first answer tries again): " + e);
        }
    }

    private synchronized Optional<GroupSync> findEngine() {
        if (embedded != null) {
            return embedded;
        }
        try (Connection connection = dataSource.getConnection()) {
            embedded = embeddedRedoLog(connection);
            return embedded;
        } catch (SQLException e) {
            throw new IllegalStateException("the database could not be reached to make its commits durable", e);
        }
    }

    private static Optional<GroupSync> embeddedRedoLog(Connection connection) throws SQLException {
        try {
            Class.forName("org.hsqldb.DatabaseManager", false, DurableCommits.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return Optional.empty(); // not the embedded engine
        }
        Optional<GroupSync> sync = EmbeddedRedoLog.takeOver(connection);
        sync.ifPresent(taken -> LOG.log(Level.INFO, "embedded database: commits are written when they are made and"
                + " synced in groups before the answers that show them leave"));
        return sync;
    }
}
