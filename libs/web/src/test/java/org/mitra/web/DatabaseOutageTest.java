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
    void aLostConnectionSuppressedOnACommitFailureIsSeen() {
        Exception commit = new Exception("ARJUNA016053: Could not commit transaction.");
        commit.addSuppressed(new IllegalStateException("flush", new SQLException("I/O error", "08006")));
        assertThat(DatabaseOutage.isCause(new RuntimeException("commit failed", commit))).isTrue();
    }

    @Test
    void aFailureThatIsItsOwnSuppressedExceptionEnds() {
        Exception loop = new Exception("loop");
        Exception other = new Exception("other", loop);
        loop.addSuppressed(other);
        assertThat(DatabaseOutage.isCause(loop)).isFalse();
    }

    @Test
    void anyOtherFailureCountsAsATry() {
        assertThat(DatabaseOutage.isCause(new SQLException("duplicate key value", "23505"))).isFalse();
        assertThat(DatabaseOutage.isCause(new IllegalArgumentException("no such organization"))).isFalse();
        assertThat(DatabaseOutage.isCause(new NullPointerException())).isFalse();
    }
}
