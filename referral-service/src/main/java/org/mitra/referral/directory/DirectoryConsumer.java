package org.mitra.referral.directory;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.mitra.outbox.DirectoryRecords;
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
        consumption.apply(CONSUMER, value, event -> DirectoryRecords.effect(event, readModel::apply, readModel::apply));
    }
}
