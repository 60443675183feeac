package org.mitra.directory.demand;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.mitra.events.EventJson;
import org.mitra.events.referral.ReferralOverdue;
import org.mitra.events.referral.ReferralStatusChanged;
import org.mitra.outbox.EventConsumption;

/**
 * Turns referral lifecycle events into demand figures, each event applied once; a record that cannot be applied
 * goes to {@code mitra.dead-letters} (see {@link EventConsumption}) and the partition flows on.
 */
@ApplicationScoped
public class ReferralLifecycleConsumer {
    static final String CONSUMER = "directory-demand";

    @Inject
    EventConsumption consumption;

    @Inject
    ReferralDemand demand;

    @Incoming("referral-lifecycle")
    @Blocking
    public void consume(String value) {
        consumption.apply(CONSUMER, value, event -> {
            if (ReferralStatusChanged.isType(event.type())) {
                ReferralStatusChanged change = EventJson.data(event, ReferralStatusChanged.class);
                requireComplete(change != null && change.referralId() != null && change.status() != null
                        && change.categoryCode() != null && change.regionCode() != null && change.occurredAt() != null);
                return () -> demand.record(change);
            }
            if (ReferralOverdue.TYPE.equals(event.type())) {
                ReferralOverdue overdue = EventJson.data(event, ReferralOverdue.class);
                requireComplete(overdue != null && overdue.referralId() != null && overdue.categoryCode() != null
                        && overdue.regionCode() != null && overdue.requestedAt() != null && overdue.occurredAt() != null);
                return () -> demand.record(overdue);
            }
            return null;
        });
    }

    /** The fields demand needs; an event without them fails its schema and is poison. */
    private static void requireComplete(boolean complete) {
        if (!complete) {
            throw new IllegalArgumentException("incomplete event data");
        }
    }
}
