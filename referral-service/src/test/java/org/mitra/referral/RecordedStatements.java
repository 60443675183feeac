package org.mitra.referral;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.mitra.referral.webhook.WebhookDispatcher;

/** The SQL Hibernate runs on the referral database while a test records it, to count the statements a request needs. */
@PersistenceUnitExtension
@ApplicationScoped
public class RecordedStatements implements StatementInspector {
    private static final List<String> RECORDED = new CopyOnWriteArrayList<>();
    private static volatile boolean recording;

    @Override
    public String inspect(String sql) {
        if (isRecording()) {
            RECORDED.add(sql);
        }
        return sql;
    }

    /**
     * The statements requests run while the action ran (requests through REST Assured complete before it returns).
     * Only requests' statements are recorded ({@link #isRecording()}), and the webhook dispatcher, whose scheduled
     * runs have a request context too, is paused meanwhile: background work is not the request's cost.
     */
    public static List<String> during(Runnable action) {
        Scheduler scheduler = Arc.container().instance(Scheduler.class).get();
        scheduler.pause(WebhookDispatcher.JOB);
        RECORDED.clear();
        RecordedRoundTrips.ROUND_TRIPS.set(0);
        RecordedRoundTrips.BATCHES.set(0);
        recording = true;
        try {
            action.run();
        } finally {
            recording = false;
            scheduler.resume(WebhookDispatcher.JOB);
        }
        return List.copyOf(RECORDED);
    }

    /** Hibernate's round trips during the last {@link #during}: statements executed alone, and JDBC batches. */
    public static int roundTrips() {
        return RecordedRoundTrips.ROUND_TRIPS.get();
    }

    /** The JDBC batches among them. */
    public static int batches() {
        return RecordedRoundTrips.BATCHES.get();
    }

    /**
     * Only a request's own statements: its thread has the CDI request context active. The Kafka consumers (the webhook
     * consumer follows the very events a test's requests make) run on the same worker pool without one.
     */
    static boolean isRecording() {
        return recording && Arc.container().requestContext().isActive();
    }
}
