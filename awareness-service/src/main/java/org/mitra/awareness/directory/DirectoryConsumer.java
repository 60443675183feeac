package org.mitra.awareness.directory;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.mitra.events.CloudEvent;
import org.mitra.events.EventJson;
import org.mitra.events.Topic;
import org.mitra.events.directory.OrganizationChanged;
import org.mitra.events.directory.OrganizationDeleted;
import org.mitra.outbox.Inbox;

/** Follows {@code mitra.directory.organizations} into the local read model, each event applied once. */
@ApplicationScoped
public class DirectoryConsumer {
    private static final Logger LOG = Logger.getLogger(DirectoryConsumer.class);
    static final String CONSUMER = "awareness-directory";

    @Inject
    Inbox inbox;

    @Inject
    DirectoryReadModel readModel;

    @Incoming("directory-organizations")
    @Blocking
    @Transactional
    public void consume(String value) {
        if (value == null) {
            return; // a tombstone
        }
        Optional<CloudEvent<JsonNode>> read = EventJson.readIfEvent(value);
        if (read.isEmpty()) {
            LOG.warnf("Skipping a record on %s that is not a CloudEvent", Topic.DIRECTORY_ORGANIZATIONS.name());
            return;
        }
        CloudEvent<JsonNode> event = read.get();
        try {
            if (OrganizationChanged.TYPE.equals(event.type())) {
                OrganizationChanged change = EventJson.data(event, OrganizationChanged.class);
                inbox.handleOnce(CONSUMER, event, () -> readModel.apply(change));
            } else if (OrganizationDeleted.TYPE.equals(event.type())) {
                OrganizationDeleted deletion = EventJson.data(event, OrganizationDeleted.class);
                inbox.handleOnce(CONSUMER, event, () -> readModel.apply(deletion));
            }
        } catch (IllegalArgumentException unreadable) {
            LOG.warnf("Skipping event %s of type %s whose data cannot be read", event.id(), event.type());
        }
    }
}
