package jp.oqs.platform;

import java.sql.SQLException;

/** Recognises a unique-key violation (SQLSTATE 23xxx, Oracle ORA-00001) among an exception's causes. */
public final class UniqueKeyViolation {

    private static final int ORACLE_UNIQUE_CONSTRAINT = 1;

    private UniqueKeyViolation() {
    }

    public static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                if ((state != null && state.startsWith("23")) || sql.getErrorCode() == ORACLE_UNIQUE_CONSTRAINT) {
                    return true;
                }
            }
        }
        return false;
    }
}
