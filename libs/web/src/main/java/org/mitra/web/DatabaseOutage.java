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

    /** True when a lost or refused connection is among the failure's causes or suppressed exceptions. */
    public static boolean isCause(Throwable failure) {
        return Causes.anyMatch(failure, DatabaseOutage::isConnectionFailure);
    }

    private static boolean isConnectionFailure(Throwable failure) {
        if (failure instanceof SQLTransientConnectionException
                || failure.getClass().getName().endsWith("JDBCConnectionException")) {
            return true;
        }
        if (failure instanceof SQLException sql) {
            String state = sql.getSQLState();
            // 08: connection exception; 57P0x: the server is shutting down, crashed or not yet accepting.
            if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                return true;
            }
            return sql.getMessage() != null && sql.getMessage().startsWith("Acquisition timeout");
        }
        return false;
    }
}
