package org.mitra.directory.demand;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.mitra.events.CloudEvent;
import org.jboss.logging.Logger;
import org.mitra.events.EventJson;
import org.mitra.events.Topic;
import org.mitra.events.referral.ReferralOverdue;
import org.mitra.events.referral.ReferralStatusChanged;
import org.mitra.outbox.Inbox;

/** Turns referral lifecycle events into demand figures, each event applied once. */
@ApplicationScoped
public class ReferralLifecycleConsumer {
    private static final Logger LOG = Logger.getLogger(ReferralLifecycleConsumer.class);
    static final String CONSUMER = "directory-demand";

    @Inject
    Inbox inbox;

    @Inject
    ReferralDemand demand;

    @Incoming("referral-lifecycle")
    @Blocking
    @Transactional
    public void consume(String value) {
        if (value == null) {
            return; // a tombstone
        }
        Optional<CloudEvent<JsonNode>> read = EventJson.readIfEvent(value);
        if (read.isEmpty()) {
            LOG.warnf("Skipping a record on %s that is not a CloudEvent", Topic.REFERRALS_LIFECYCLE.name());
            return;
        }
        CloudEvent<JsonNode> event = read.get();
        if (ReferralStatusChanged.isType(event.type())) {
            inbox.handleOnce(CONSUMER, event, () -> demand.record(EventJson.data(event, ReferralStatusChanged.class)));
        } else if (ReferralOverdue.TYPE.equals(event.type())) {
            inbox.handleOnce(CONSUMER, event, () -> demand.record(EventJson.data(event, ReferralOverdue.class)));
        }
    }
}
