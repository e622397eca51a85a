package jp.oqs.platform;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.hsqldb.Database;
import org.hsqldb.DatabaseManager;
import org.hsqldb.DatabaseType;
import org.hsqldb.lib.EventLogInterface;
import org.hsqldb.lib.FileAccess;
import org.hsqldb.persist.Logger;

/**
 * Group commit for the embedded engine (HSQLDB 2.7), which has none of its own.
 *
 * <p>HSQLDB writes each commit to its redo log ({@code .log}) and then syncs the log through the {@link FileAccess}
 * the log was opened with, while it holds its database-wide lock: every other transaction's next statement waits
 * for that {@code fsync}, so commits, one per audited lookup, ran one {@code fsync} at a time. This class is put in
 * as the database's {@link FileAccess} ({@link Logger#fileAccess}, a public field, the engine's own seam for where
 * its files live). Every file is opened and synced as before, except the redo log: its sync at commit does nothing,
 * because HSQLDB has already flushed the commit out of its buffer, so the commit is in the operating system (and
 * survives the process being killed) before the commit returns. {@link #syncWritten()} then syncs the log outside
 * HSQLDB's locks, for a whole group of commits at once ({@link GroupSync}), and {@link DurableCommits} makes every
 * answer wait for it. The script and data files, and the checkpoint that writes them, are synced as HSQLDB always
 * did; a checkpoint makes the log it ends redundant before it closes it, so bytes written to a log that is closed
 * are durable.
 *
 * <p>Loaded only when the pool's database is an HSQLDB file database ({@link DurableCommits} checks first), so a
 * service on Oracle never needs HSQLDB's classes.
 */
final class EmbeddedRedoLog implements FileAccess {

    private static final String FILE_DATABASE = "jdbc:hsqldb:file:";

    private final FileAccess files;
    private final String logFile;
    private final AtomicLong written = new AtomicLong();
    private volatile LogStream current;

    private EmbeddedRedoLog(FileAccess files, String logFile) {
        this.files = files;
        this.logFile = logFile;
    }

    /**
     * For an HSQLDB file database open in this process whose commits write the log at once ({@code
     * hsqldb.write_delay=false}): takes over its redo log's syncs and begins a new log (a checkpoint) so that the
     * next commits are written through this. Empty for any other connection: an in-memory
     * database (nothing to sync), an HSQLDB server reached over the network (its commits stay as that server syncs
     * them), another engine. The database is found by the connection's URL in HSQLDB's registry of open databases:
     * the pool's connections are wrapped and cannot be unwrapped to HSQLDB's connection class.
     */
    static Optional<GroupSync> takeOver(Connection connection) throws SQLException {
        String url = connection.getMetaData().getURL();
        if (url == null || !url.startsWith(FILE_DATABASE)) {
            return Optional.empty();
        }
        Database database = DatabaseManager.lookupDatabaseObject(DatabaseType.DB_FILE,
                url.substring(FILE_DATABASE.length()).split(";", 2)[0]);
        if (database == null || database.isFilesReadOnly() || database.logger.getWriteDelay() != 0) {
            // with a write delay HSQLDB keeps commits in its own buffer until its timer: nothing here could make
            // them durable before an answer (the URL of bin/oqs sets hsqldb.write_delay=false)
            return Optional.empty();
        }
        EmbeddedRedoLog log;
        synchronized (database.logger) {
            if (database.logger.fileAccess instanceof EmbeddedRedoLog installed) {
                log = installed;
            } else {
                log = new EmbeddedRedoLog(database.logger.fileAccess, database.getPath() + Logger.logFileExtension);
                database.logger.fileAccess = log;
            }
        }
        if (log.current == null) {
            try (Statement sql = connection.createStatement()) {
                sql.execute("CHECKPOINT");
            }
        }
        return Optional.of(new GroupSync(log.written::get, log::syncWritten));
    }

    /** Syncs the current redo log: everything written to any log before this began is then durable. */
    private void syncWritten() throws IOException {
        LogStream log = current;
        if (log == null) {
            return; // no log opened through this yet: HSQLDB still syncs each commit itself
        }
        try {
            log.file.getFD().sync();
        } catch (IOException e) {
            if (!log.closed) {
                throw e;
            }
            // closed by a checkpoint, which wrote and synced the data file holding all of it first
        }
    }

    @Override
    public OutputStream openOutputStreamElementAppend(String name) throws IOException {
        OutputStream stream = files.openOutputStreamElementAppend(name);
        if (name.equals(logFile) && stream instanceof FileOutputStream file) {
            LogStream log = new LogStream(file, written);
            current = log;
            return log;
        }
        return stream;
    }

    @Override
    public FileSync getFileSync(OutputStream stream) throws IOException {
        if (stream instanceof LogStream) {
            // HSQLDB flushed its buffer into the stream before asking for this: the commit is written;
            // syncWritten() makes it durable before any answer that shows it leaves
            return () -> { };
        }
        return files.getFileSync(stream);
    }

    @Override
    public InputStream openInputStreamElement(String name) throws IOException {
        return files.openInputStreamElement(name);
    }

    @Override
    public OutputStream openOutputStreamElement(String name) throws IOException {
        return files.openOutputStreamElement(name);
    }

    @Override
    public boolean isStreamElement(String name) {
        return files.isStreamElement(name);
    }

    @Override
    public void createParentDirs(String name) {
        files.createParentDirs(name);
    }

    @Override
    public boolean removeElement(String name) {
        return files.removeElement(name);
    }

    @Override
    public boolean renameElement(String oldName, String newName) {
        return files.renameElement(oldName, newName);
    }

    @Override
    public boolean renameElementOrCopy(String oldName, String newName, EventLogInterface logger) {
        return files.renameElementOrCopy(oldName, newName, logger);
    }

    /** The redo log's file: counts what reached the operating system, and knows when HSQLDB closed it. */
    private static final class LogStream extends OutputStream {

        final FileOutputStream file;
        private final AtomicLong written;
        volatile boolean closed;

        LogStream(FileOutputStream file, AtomicLong written) {
            this.file = file;
            this.written = written;
        }

        @Override
        public void write(int b) throws IOException {
            file.write(b);
            written.incrementAndGet();
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            file.write(bytes, offset, length);
            written.addAndGet(length);
        }

        @Override
        public void close() throws IOException {
            closed = true;
            file.close();
        }
    }
}
