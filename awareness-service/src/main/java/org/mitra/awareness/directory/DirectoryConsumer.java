package org.mitra.awareness.directory;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
            return; // a tombstone: the OrganizationDeleted before it already removed the organization
        }
        CloudEvent<JsonNode> event;
        try {
            event = EventJson.read(value);
        } catch (RuntimeException malformed) {
            // A record that is no CloudEvent can never succeed: skip it rather than stop the channel.
            LOG.warnf("Skipping a record on %s that is not a CloudEvent", Topic.DIRECTORY_ORGANIZATIONS.name());
            return;
        }
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
