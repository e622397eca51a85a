package jp.oqs.pool;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hsqldb.DatabaseManager;
import org.hsqldb.DatabaseURL;
import org.hsqldb.DatabaseType;
import org.hsqldb.HsqlException;
import org.hsqldb.jdbc.JDBCDataSource;
import org.hsqldb.persist.HsqlProperties;
import org.hsqldb.persist.LockFile;

/**
 * The embedded default's data source (the pool's {@code datasource-classname}): HSQLDB's own, except that before it
 * opens a file database that is not yet open in this process, it repairs what a kill can leave half written in the
 * database's files ({@link TornFiles}), so that a restart after a crash opens the database instead of failing until
 * someone repairs it by hand. The repair holds HSQLDB's own lock file ({@code .lck}, taken and given back exactly as
 * the engine does when it opens), so it never touches the files of a database another process has open; when
 * another process holds it, the open is left to fail with the engine's own lock error. Connections to a database
 * already open, to an in-memory database or to an HSQLDB server are HSQLDB's, unchanged.
 */
public class EmbeddedDataSource extends JDBCDataSource {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(EmbeddedDataSource.class.getName());
    /** First opens in this process, one at a time: the lock file taken for a repair would fail a parallel open. */
    private static final Object OPENING = new Object();

    @Override
    public Connection getConnection() throws SQLException {
        return open(super::getConnection);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return open(() -> super.getConnection(username, password));
    }

    private Connection open(Opening opening) throws SQLException {
        Optional<String> database = fileDatabase(getUrl());
        if (database.isEmpty() || isOpen(database.get())) {
            return opening.connect();
        }
        synchronized (OPENING) {
            if (!isOpen(database.get())) {
                repair(database.get());
            }
            return opening.connect();
        }
    }

    /**
     * The path of a file database's files (without extension), read with HSQLDB's own URL parser (which, for one,
     * puts the user's home for a leading {@code ~}); empty for any other URL.
     */
    static Optional<String> fileDatabase(String url) {
        if (url == null) {
            return Optional.empty();
        }
        // as HSQLDB's data source connects: its prefix is optional
        String full = url.startsWith(DatabaseURL.S_URL_PREFIX) ? url : DatabaseURL.S_URL_PREFIX + url;
        HsqlProperties parsed = DatabaseURL.parseURL(full, true, false);
        if (parsed == null || !DatabaseURL.S_FILE.equals(parsed.getProperty(DatabaseURL.url_connection_type))) {
            return Optional.empty();
        }
        return Optional.ofNullable(parsed.getProperty(DatabaseURL.url_database));
    }

    private static boolean isOpen(String path) {
        return DatabaseManager.lookupDatabaseObject(DatabaseType.DB_FILE, path) != null;
    }

    private static void repair(String path) throws SQLException {
        LockFile lock;
        try {
            lock = LockFile.newLockFileLock(path);
        } catch (HsqlException heldElsewhere) {
            return; // the engine's open reports it
        }
        try {
            for (String repaired : TornFiles.repair(Path.of(path))) {
                LOG.log(Level.WARNING, "Embedded database repaired before opening: {0}", repaired);
            }
        } catch (IOException e) {
            throw new SQLException("The embedded database's files at " + path + " could not be checked for a write"
                    + " cut off by a crash: " + e, "58030", e);
        } finally {
            release(lock);
        }
    }

    private static void release(LockFile lock) throws SQLException {
        try {
            lock.tryRelease();
        } catch (LockFile.BaseException e) {
            throw new SQLException("The embedded database's lock file " + lock.getCanonicalPath() + " could not be"
                    + " released after its files were checked: " + e.getMessage(), "58030", e);
        }
    }

    /** A connection from HSQLDB's data source. */
    @FunctionalInterface
    private interface Opening {
        Connection connect() throws SQLException;
    }
}
