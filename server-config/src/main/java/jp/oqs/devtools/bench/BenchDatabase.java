package jp.oqs.devtools.bench;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The external database of {@code bin/oqs bench --db-url} (Oracle, or an HSQLDB server): the harness loads its
 * persons into an empty schema, so it checks that there is one before it starts the service. A schema that already
 * holds the service's tables (a previous run's persons and insurers) would make the load fail half-way on insurer
 * numbers taken, or measure a database of another size than the one reported.
 */
final class BenchDatabase {

    private BenchDatabase() {
    }

    /**
     * {@code schema --url U}: the user and password from {@code OQS_DB_USER} and {@code OQS_DB_PASSWORD}; prints what
     * the database is, for the report, as {@code ports} prints its ports.
     */
    static void requireEmpty(Map<String, String> options) throws SQLException {
        String user = System.getenv("OQS_DB_USER");
        String password = System.getenv("OQS_DB_PASSWORD");
        if (user == null || user.isBlank() || password == null || password.isEmpty()) {
            throw new IllegalArgumentException("OQS_DB_USER and OQS_DB_PASSWORD must be set for --url");
        }
        System.out.println(requireEmpty(Bench.required(options, "url"), user, password));
    }

    /** Answers what the database is when the user's current schema has no table; fails otherwise. */
    static String requireEmpty(String url, String user, String password) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            String schema = connection.getSchema();
            List<String> tables = tables(connection);
            if (!tables.isEmpty()) {
                throw new IllegalStateException("schema " + schema + " of " + user + " already has " + tables.size()
                        + " table(s) (" + String.join(", ", tables.subList(0, Math.min(5, tables.size())))
                        + (tables.size() > 5 ? ", …" : "") + "): the harness loads its persons into an empty"
                        + " schema; drop its tables first, or give another user");
            }
            DatabaseMetaData metaData = connection.getMetaData();
            return metaData.getDatabaseProductName() + " " + metaData.getDatabaseProductVersion() + ", schema "
                    + schema + " of " + user + " (empty at the start)";
        }
    }

    /** The tables of the connection's current schema (Oracle's recycle bin left out). */
    static List<String> tables(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        DatabaseMetaData metaData = connection.getMetaData();
        try (ResultSet rows = metaData.getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                String name = rows.getString("TABLE_NAME");
                if (!name.startsWith("BIN$")) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
