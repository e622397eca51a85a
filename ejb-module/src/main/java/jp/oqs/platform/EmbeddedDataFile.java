package jp.oqs.platform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * On the embedded engine, the data file is read through a memory map up to {@link #NIO_MAX_MB}, not only up to
 * HSQLDB's default of 256 MB. Past the map's limit every row the cache misses is a seek and a read under the cache's
 * lock: with 1,000,000 persons (a data file of about 1.2 GB) a 100,000-entry bulk check took 71.2 s with the default
 * and 37.7 s mapped whole, in the same harness on the same machine (issue 14). The JDBC URL sets it for a new
 * database ({@code hsqldb.nio_max_size}); an existing database keeps what it was created with, so this raises it
 * at start, and HSQLDB maps the file accordingly from its next open. Oracle is untouched.
 */
final class EmbeddedDataFile {

    /** Megabytes of data file read through the memory map: about 13,000,000 persons. */
    static final int NIO_MAX_MB = 16384;

    private EmbeddedDataFile() {
    }

    /** Raises the limit when it is lower; returns the change as {@code old -> new} (MB), empty when none. */
    static Optional<String> mapWhole(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("SELECT PROPERTY_VALUE FROM INFORMATION_SCHEMA.SYSTEM_PROPERTIES"
                     + " WHERE PROPERTY_NAME = 'hsqldb.nio_max_size'")) {
            if (!row.next()) {
                return Optional.empty();
            }
            long current = Long.parseLong(row.getString(1).strip());
            if (current >= NIO_MAX_MB) {
                return Optional.empty();
            }
            sql.execute("SET FILES NIO SIZE " + NIO_MAX_MB);
            return Optional.of(current + " -> " + NIO_MAX_MB);
        }
    }
}
