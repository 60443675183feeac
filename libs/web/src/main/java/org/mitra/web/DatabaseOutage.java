package org.mitra.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a database that cannot be reached (down, restarting, no connection to be had) from every other failure:
 * the first is nobody's mistake and passes (503 to callers, a wait for consumers); the second is a bug or bad data.
 */
public final class DatabaseOutage {
    private DatabaseOutage() {
    }

    /** True when a lost or refused connection is somewhere in the failure's causes. */
    public static boolean isCause(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth++ < 20; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException
                    || cause.getClass().getName().endsWith("JDBCConnectionException")) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                // 08: connection exception; 57P0x: the server is shutting down, crashed or not yet accepting.
                if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                    return true;
                }
                if (sql.getMessage() != null && sql.getMessage().startsWith("Acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }
}
