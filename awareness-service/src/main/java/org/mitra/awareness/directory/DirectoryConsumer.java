package org.mitra.awareness.directory;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.mitra.outbox.DirectoryRecords;
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
        consumption.apply(CONSUMER, value, event -> DirectoryRecords.effect(event, readModel::apply, readModel::apply));
    }
}
