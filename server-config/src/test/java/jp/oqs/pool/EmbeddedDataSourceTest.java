package jp.oqs.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import jp.oqs.devtools.KilledWrites;
import org.hsqldb.jdbc.JDBCDataSource;
import org.hsqldb.persist.HsqlDatabaseProperties;
import org.hsqldb.persist.LockFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files a kill leaves half written, made from the files of a live database (what a SIGKILL leaves: everything
 * the engine wrote is in the operating system, nothing of what it was about to write), each cut where a kill can
 * cut it. HSQLDB's own data source is shown to refuse each image (the fault); this class opens it with every
 * committed row.
 */
class EmbeddedDataSourceTest {

    private static final int BACKUP_RECORD = KilledWrites.BACKUP_RECORD;
    private static final int ROWS = 3_000;
    /** A small cache, so that the updates after the checkpoint write pages of the data file and back them up. */
    private static final String SETTINGS = ";sql.syntax_ora=true;hsqldb.default_table_type=cached;hsqldb.tx=mvcc"
            + ";hsqldb.write_delay=false;hsqldb.cache_rows=100";

    @TempDir
    static Path directory;
    private static Path crashed;
    private static long expectedSum;

    @BeforeAll
    static void crashImage() throws Exception {
        Path live = directory.resolve("live/db");
        JDBCDataSource database = dataSource(new JDBCDataSource(), live);
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE ENTRY(ID INT PRIMARY KEY, V BIGINT NOT NULL, PAYLOAD VARCHAR(400) NOT NULL)");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ENTRY VALUES(?, ?, ?)")) {
                for (int id = 0; id < ROWS; id++) {
                    insert.setInt(1, id);
                    insert.setLong(2, id);
                    insert.setString(3, "x".repeat(300));
                    insert.executeUpdate();
                }
            }
            sql.execute("CHECKPOINT");
            // committed after the checkpoint: in the redo log, their pages' old contents in the backup
            sql.executeUpdate("UPDATE ENTRY SET V = V * 2, PAYLOAD = 'y'");
            expectedSum = (long) ROWS * (ROWS - 1);
            crashed = directory.resolve("crashed");
            copy(live.getParent(), crashed);
            sql.execute("SHUTDOWN");
        }
        assertTrue(Files.size(crashed.resolve("db.backup")) > 2L * BACKUP_RECORD, "the backup holds pages");
        assertTrue(Files.size(crashed.resolve("db.log")) > 0, "the update is in the redo log");
    }

    @Test
    void aBackupRecordCutOffByAKillIsDroppedAndTheDatabaseOpensWithEveryCommittedRow() throws Exception {
        Path engine = image("backup-engine");
        Path repaired = image("backup-repaired");
        cutLastBackupRecord(engine);
        cutLastBackupRecord(repaired);

        SQLException refused = assertThrows(SQLException.class, () -> open(new JDBCDataSource(), engine));
        assertTrue(refused.getMessage().contains("EOFException"), refused::getMessage);
        assertEverything(repaired);
    }

    @Test
    void anEmptyPropertiesFileIsRemovedAndTheDatabaseOpensWithEveryCommittedRow() throws Exception {
        Path engine = image("properties-engine");
        Path repaired = image("properties-repaired");
        KilledWrites.emptyProperties(engine.resolve("db"));
        KilledWrites.emptyProperties(repaired.resolve("db"));

        // HSQLDB takes the database for a new one whose files are not yet written: no schema, no users
        assertThrows(SQLException.class, () -> open(new JDBCDataSource(), engine));
        assertEverything(repaired);
    }

    @Test
    void theRepairDropsOnlyTheCutOffRecord() throws IOException {
        Path files = image("repair-only");
        Path backup = files.resolve("db.backup");
        long whole = Files.size(backup);
        assertEquals(0, whole % BACKUP_RECORD, "complete records");
        assertEquals(List.of(), TornFiles.repair(files.resolve("db")), "nothing torn, nothing changed");
        assertEquals(whole, Files.size(backup));

        truncate(backup, whole - BACKUP_RECORD + 5); // a kill inside the last record's header
        assertEquals(1, TornFiles.repair(files.resolve("db")).size());
        assertEquals(whole - BACKUP_RECORD, Files.size(backup));

        truncate(backup, whole - 2L * BACKUP_RECORD + 12 + 1_000); // inside the record's page
        assertEquals(1, TornFiles.repair(files.resolve("db")).size());
        assertEquals(whole - 2L * BACKUP_RECORD, Files.size(backup));
    }

    @Test
    void theFilesOfADatabaseAnotherProcessHoldsAreNotTouched() throws Exception {
        Path files = image("held");
        cutLastBackupRecord(files);
        long cut = Files.size(files.resolve("db.backup"));
        LockFile elsewhere = LockFile.newLockFileLock(files.resolve("db").toString());
        // HSQLDB waits about 10 s for a lock's heartbeat to stop, both for the repair and for the engine's open
        System.setProperty(LockFile.POLL_INTERVAL_PROPERTY, "10");
        System.setProperty(HsqlDatabaseProperties.system_lockfile_poll_retries_property, "1");
        try {
            SQLException refused = assertThrows(SQLException.class, () -> open(new EmbeddedDataSource(), files));
            assertTrue(refused.getMessage().contains("lock"), refused::getMessage);
            assertEquals(cut, Files.size(files.resolve("db.backup")));
        } finally {
            System.clearProperty(LockFile.POLL_INTERVAL_PROPERTY);
            System.clearProperty(HsqlDatabaseProperties.system_lockfile_poll_retries_property);
            elsewhere.tryRelease();
        }
    }

    @Test
    void onlyFileDatabasesAreRepairedAndTheirPathIsReadAsHsqldbReadsIt() {
        assertEquals(Optional.of("/var/lib/oqs/db/oqs"),
                EmbeddedDataSource.fileDatabase("jdbc:hsqldb:file:/var/lib/oqs/db/oqs;hsqldb.tx=mvcc"));
        assertEquals(Optional.of(System.getProperty("user.home") + "/oqs/db"),
                EmbeddedDataSource.fileDatabase("jdbc:hsqldb:file:~/oqs/db;hsqldb.tx=mvcc"));
        assertEquals(Optional.of("/var/lib/oqs/db/oqs"), EmbeddedDataSource.fileDatabase("file:/var/lib/oqs/db/oqs"));
        assertEquals(Optional.empty(), EmbeddedDataSource.fileDatabase("jdbc:hsqldb:mem:oqs"));
        assertEquals(Optional.empty(), EmbeddedDataSource.fileDatabase("jdbc:hsqldb:hsql://db.example/oqs"));
        assertEquals(Optional.empty(), EmbeddedDataSource.fileDatabase("jdbc:hsqldb:res:/jp/oqs/db"));
        assertEquals(Optional.empty(), EmbeddedDataSource.fileDatabase(null));
    }

    private static void assertEverything(Path files) throws SQLException {
        try (Connection connection = open(new EmbeddedDataSource(), files);
             Statement sql = connection.createStatement()) {
            try (ResultSet row = sql.executeQuery("SELECT COUNT(*), SUM(V), COUNT(CASE WHEN PAYLOAD = 'y' THEN 1 END)"
                    + " FROM ENTRY")) {
                row.next();
                assertEquals(ROWS, row.getInt(1));
                assertEquals(expectedSum, row.getLong(2));
                assertEquals(ROWS, row.getInt(3));
            }
            sql.execute("SHUTDOWN");
        }
    }

    private static Connection open(JDBCDataSource dataSource, Path files) throws SQLException {
        return dataSource(dataSource, files.resolve("db")).getConnection();
    }

    private static JDBCDataSource dataSource(JDBCDataSource dataSource, Path database) {
        dataSource.setUrl("jdbc:hsqldb:file:" + database + SETTINGS);
        dataSource.setUser("SA");
        dataSource.setPassword("");
        return dataSource;
    }

    private static Path image(String name) throws IOException {
        Path image = directory.resolve(name);
        copy(crashed, image);
        return image;
    }

    private static void cutLastBackupRecord(Path files) throws IOException {
        assertTrue(KilledWrites.cutLastBackupRecord(files.resolve("db")));
    }

    private static void truncate(Path file, long length) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(length);
        }
    }

    /** The database's files as they are now, without its lock file (a killed process's lock goes stale). */
    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".lck")).toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
