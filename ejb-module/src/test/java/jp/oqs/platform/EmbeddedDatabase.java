package jp.oqs.platform;

import org.hsqldb.jdbc.JDBCDataSource;

/** An in-memory HSQLDB with the embedded default's SQL settings (bin/oqs), for tests of the migrations and SQL. */
final class EmbeddedDatabase {

    private EmbeddedDatabase() {
    }

    static JDBCDataSource inMemory(String name) {
        JDBCDataSource dataSource = new JDBCDataSource();
        dataSource.setURL("jdbc:hsqldb:mem:" + name + ";sql.syntax_ora=true;sql.nulls_first=false;hsqldb.tx=mvcc");
        dataSource.setUser("SA");
        dataSource.setPassword("");
        return dataSource;
    }
}
