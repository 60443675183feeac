package org.mitra.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures mean "wait for the database" (never dead-lettered) and which count as a failed try. */
class EventConsumptionClassificationTest {

    @Test
    void aLostOrRefusedConnectionIsWaitedFor() {
        assertThat(EventConsumption.databaseUnreachable(new IllegalStateException("commit failed",
                new SQLException("Connection refused", "08001")))).isTrue();
        assertThat(EventConsumption.databaseUnreachable(new SQLException("terminating connection due to administrator command", "57P01")))
                .isTrue();
        assertThat(EventConsumption.databaseUnreachable(new RuntimeException(new SQLTransientConnectionException("gone")))).isTrue();
        assertThat(EventConsumption.databaseUnreachable(new SQLException("Acquisition timeout while waiting for new connection")))
                .isTrue();
    }

    @Test
    void anyOtherFailureCountsAsATry() {
        assertThat(EventConsumption.databaseUnreachable(new SQLException("duplicate key value", "23505"))).isFalse();
        assertThat(EventConsumption.databaseUnreachable(new IllegalArgumentException("no such organization"))).isFalse();
        assertThat(EventConsumption.databaseUnreachable(new NullPointerException())).isFalse();
    }
}
