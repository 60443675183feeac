package org.mitra.referral;

import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.SessionEventListener;

/**
 * Hibernate's round trips to the referral database while {@link RecordedStatements} records: each statement executed on
 * its own, and each JDBC batch, however many statements it carries (the driver sends a batch's statements together and
 * waits once). Registered for the test profile with {@code hibernate.session.events.auto}, so every session has one.
 */
public class RecordedRoundTrips implements SessionEventListener {
    static final AtomicInteger ROUND_TRIPS = new AtomicInteger();
    static final AtomicInteger BATCHES = new AtomicInteger();

    @Override
    public void jdbcExecuteStatementStart() {
        if (RecordedStatements.isRecording()) {
            ROUND_TRIPS.incrementAndGet();
        }
    }

    @Override
    public void jdbcExecuteBatchStart() {
        if (RecordedStatements.isRecording()) {
            ROUND_TRIPS.incrementAndGet();
            BATCHES.incrementAndGet();
        }
    }
}
