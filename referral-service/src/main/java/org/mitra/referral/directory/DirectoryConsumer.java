package org.mitra.referral.directory;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.mitra.events.EventJson;
import org.mitra.events.directory.OrganizationChanged;
import org.mitra.events.directory.OrganizationDeleted;
import org.mitra.outbox.EventConsumption;

/**
 * Follows {@code mitra.directory.organizations} into the directory read model, each event applied once. A record
 * that can never be applied (not a CloudEvent, or data that does not fit its type) is poison: the connector moves
 * it to {@code mitra.dead-letters} and the partition flows on (see {@link EventConsumption}).
 */
@ApplicationScoped
public class DirectoryConsumer {
    static final String CONSUMER = "referral-directory";

    @Inject
    EventConsumption consumption;

    @Inject
    DirectoryReadModel readModel;

    @Incoming("directory-organizations")
    @Blocking
    public void consume(String value) {
        consumption.apply(CONSUMER, value, event -> {
            if (OrganizationChanged.TYPE.equals(event.type())) {
                OrganizationChanged change = EventJson.data(event, OrganizationChanged.class);
                requireComplete(change != null && change.id() != null && change.status() != null);
                return () -> readModel.apply(change);
            }
            if (OrganizationDeleted.TYPE.equals(event.type())) {
                OrganizationDeleted deletion = EventJson.data(event, OrganizationDeleted.class);
                requireComplete(deletion != null && deletion.id() != null);
                return () -> readModel.apply(deletion);
            }
            return null;
        });
    }

    /** The fields the read model needs: an event without them does not fit its type and is poison. */
    private static void requireComplete(boolean complete) {
        if (!complete) {
            throw new IllegalArgumentException("incomplete event data");
        }
    }
}
