package jp.oqs.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.stream.Stream;
import org.hsqldb.DatabaseManager;
import org.hsqldb.DatabaseType;
import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded engine with its redo log synced in groups: a commit is in the log file when it returns (a copy of
 * the files taken then, before any sync, as a killed process leaves them, opens with it), syncs are run by the
 * group and not by each commit, a checkpoint works as before, and other databases are left alone.
 */
class EmbeddedRedoLogTest {

    @TempDir
    Path directory;

    @Test
    void aCommitIsInTheLogWhenItReturnsAndTheGroupSyncsIt() throws Exception {
        JDBCDataSource database = fileDatabase(directory.resolve("live"));
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("CREATE CACHED TABLE answer (id INT PRIMARY KEY, said VARCHAR(20))");
            GroupSync group = EmbeddedRedoLog.takeOver(connection).orElseThrow();
            assertTrue(databaseFiles(directory.resolve("live")).fileAccess instanceof EmbeddedRedoLog,
                    "the database's files are opened through the redo log's group sync");
            assertEquals(0, group.syncs());
            for (int id = 1; id <= 3; id++) {
                sql.execute("INSERT INTO answer VALUES (" + id + ", 'durable')");
            }
            // the process killed now, before any sync: its files as the operating system holds them, the dead
            // process's lock file removed
            copyAsKilled(directory.resolve("live"), directory.resolve("after-kill"));
            assertEquals(0, group.syncs(), "the commits did not sync the log themselves");
            group.awaitWritten();
            assertEquals(1, group.syncs(), "one sync for the three commits, run by the group");
            group.awaitWritten();
            assertEquals(1, group.syncs(), "nothing written since");

            sql.execute("CHECKPOINT"); // closes the log the group knows and opens a new one through it
            sql.execute("INSERT INTO answer VALUES (4, 'after checkpoint')");
            group.awaitWritten();
            assertEquals(2, group.syncs());
            Object files = databaseFiles(directory.resolve("live")).fileAccess;
            EmbeddedRedoLog.takeOver(connection).orElseThrow();
            assertSame(files, databaseFiles(directory.resolve("live")).fileAccess, "taken over once, not wrapped twice");
            sql.execute("SHUTDOWN");
        }
        assertEquals(3, rowsAfterOpen(directory.resolve("after-kill"), "said = 'durable'"),
                "every commit made before the kill is replayed from the log");
        assertEquals(4, rowsAfterOpen(directory.resolve("live"), "1 = 1"), "a clean shutdown keeps everything");
    }

    private static int rowsAfterOpen(Path path, String condition) throws SQLException {
        try (Connection reopened = fileDatabase(path).getConnection();
             Statement sql = reopened.createStatement();
             ResultSet rows = sql.executeQuery("SELECT COUNT(*) FROM answer WHERE " + condition)) {
            rows.next();
            int count = rows.getInt(1);
            sql.execute("SHUTDOWN");
            return count;
        }
    }

    @Test
    void anInMemoryDatabaseIsLeftAlone() throws SQLException {
        try (Connection connection = EmbeddedDatabase.inMemory("redo-log").getConnection()) {
            assertEquals(Optional.empty(), EmbeddedRedoLog.takeOver(connection).map(GroupSync::syncs));
        }
    }

    @Test
    void aDatabaseThatDelaysItsLogWritesIsLeftAlone() throws SQLException {
        JDBCDataSource database = new JDBCDataSource();
        database.setUrl("jdbc:hsqldb:file:" + directory.resolve("delayed").resolve("oqs") + ";hsqldb.write_delay=true");
        database.setUser("SA");
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            assertEquals(Optional.empty(), EmbeddedRedoLog.takeOver(connection).map(GroupSync::syncs),
                    "its commits wait in HSQLDB's buffer: no answer could be made to wait for them here");
            sql.execute("SHUTDOWN");
        }
    }

    private static JDBCDataSource fileDatabase(Path path) {
        JDBCDataSource database = new JDBCDataSource();
        database.setUrl("jdbc:hsqldb:file:" + path.resolve("oqs")
                + ";hsqldb.default_table_type=cached;hsqldb.tx=mvcc;hsqldb.write_delay=false");
        database.setUser("SA");
        return database;
    }

    private static org.hsqldb.persist.Logger databaseFiles(Path path) {
        return DatabaseManager.lookupDatabaseObject(DatabaseType.DB_FILE, path.resolve("oqs").toString()).logger;
    }

    private static void copyAsKilled(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                if (Files.isRegularFile(file) && !file.getFileName().toString().endsWith(".lck")) {
                    Files.copy(file, to.resolve(file.getFileName()));
                }
            }
        }
    }
}
