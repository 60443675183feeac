package org.mitra.awareness.directory;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.mitra.events.EventJson;
import org.mitra.events.directory.OrganizationChanged;
import org.mitra.events.directory.OrganizationDeleted;
import org.mitra.outbox.EventConsumption;

/**
 * Follows {@code mitra.directory.organizations} into the local read model, each event applied once; a record that
 * cannot be applied goes to {@code mitra.dead-letters} (see {@link EventConsumption}) and the partition flows on.
 */
@ApplicationScoped
public class DirectoryConsumer {
    static final String CONSUMER = "awareness-directory";

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

    /** The fields the read model needs; an event without them fails its schema and is poison. */
    private static void requireComplete(boolean complete) {
        if (!complete) {
            throw new IllegalArgumentException("incomplete event data");
        }
    }
}
