package jp.oqs.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An embedded database created with HSQLDB's 256 MB map limit is raised once, and keeps it after a restart. */
class EmbeddedDataFileTest {

    @TempDir
    Path directory;

    @Test
    void anExistingDatabaseIsMappedWholeFromItsNextOpenAndOnlyRaisedOnce() throws SQLException {
        JDBCDataSource database = new JDBCDataSource();
        database.setUrl("jdbc:hsqldb:file:" + directory.resolve("oqs") + ";hsqldb.default_table_type=cached");
        database.setUser("SA");
        try (Connection connection = database.getConnection()) {
            assertEquals(256, mapLimit(connection), "HSQLDB's default");
            assertEquals(Optional.of("256 -> 16384"), EmbeddedDataFile.mapWhole(connection));
            assertEquals(Optional.empty(), EmbeddedDataFile.mapWhole(connection), "then nothing");
            try (Statement sql = connection.createStatement()) {
                sql.execute("SHUTDOWN");
            }
        }
        try (Connection reopened = database.getConnection()) {
            assertEquals(EmbeddedDataFile.NIO_MAX_MB, mapLimit(reopened), "stored with the database");
            assertEquals(Optional.empty(), EmbeddedDataFile.mapWhole(reopened));
            try (Statement sql = reopened.createStatement()) {
                sql.execute("SHUTDOWN");
            }
        }
    }

    private static long mapLimit(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("SELECT PROPERTY_VALUE FROM INFORMATION_SCHEMA.SYSTEM_PROPERTIES"
                     + " WHERE PROPERTY_NAME = 'hsqldb.nio_max_size'")) {
            row.next();
            return Long.parseLong(row.getString(1).strip());
        }
    }
}
