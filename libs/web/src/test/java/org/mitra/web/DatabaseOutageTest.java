package org.mitra.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures mean the database cannot be reached (503, wait) and which are anything else. */
class DatabaseOutageTest {

    @Test
    void aLostOrRefusedConnectionIsWaitedFor() {
        assertThat(DatabaseOutage.isCause(new IllegalStateException("commit failed",
                new SQLException("Connection refused", "08001")))).isTrue();
        assertThat(DatabaseOutage.isCause(new SQLException("terminating connection due to administrator command", "57P01")))
                .isTrue();
        assertThat(DatabaseOutage.isCause(new RuntimeException(new SQLTransientConnectionException("gone")))).isTrue();
        assertThat(DatabaseOutage.isCause(new SQLException("Acquisition timeout while waiting for new connection")))
                .isTrue();
    }

    @Test
    void anyOtherFailureCountsAsATry() {
        assertThat(DatabaseOutage.isCause(new SQLException("duplicate key value", "23505"))).isFalse();
        assertThat(DatabaseOutage.isCause(new IllegalArgumentException("no such organization"))).isFalse();
        assertThat(DatabaseOutage.isCause(new NullPointerException())).isFalse();
    }
}
