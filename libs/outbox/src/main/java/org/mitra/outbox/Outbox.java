package org.mitra.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import org.mitra.events.CloudEvent;
import org.mitra.events.EventData;
import org.mitra.events.EventJson;
import org.mitra.events.EventTypes;
import org.mitra.events.Topic;

/**
 * Writes a service's events into the outbox table in the caller's transaction, so an event
 * exists if and only if the change it describes committed. {@link OutboxRelay} publishes them.
 * Every method refuses to run outside a transaction.
 */
@ApplicationScoped
public class Outbox {
    private static final Object NUDGE_REGISTERED = new Object();

    @Inject
    DataSource dataSource;

    @Inject
    OutboxTable table;

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxConfig config;

    @Inject
    TransactionSynchronizationRegistry transaction;

    /**
     * Publishes a payload as a new CloudEvent from this service: type and subject from the payload,
     * Kafka key = subject. Returns the event, whose id consumers dedupe on.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <D extends EventData> CloudEvent<D> publish(Topic topic, D data) {
        CloudEvent<D> event = CloudEvent.of(config.source(), data);
        publish(topic, event.subject(), event);
        return event;
    }

    /** Publishes a ready-made event under the given key, which must be its subject (the entity id). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(Topic topic, String key, CloudEvent<?> event) {
        Objects.requireNonNull(key, "key");
        EventTypes.requireValid(event.type());
        if (event.subject() != null && !event.subject().equals(key)) {
            throw new IllegalArgumentException("Kafka key " + key + " is not the event's subject " + event.subject());
        }
        insert(event.id(), topic, key, event.type(), EventJson.write(event));
    }

    /**
     * Publishes a tombstone (null value) for the key, so a compacted topic eventually forgets the
     * entity. Publish the event announcing the deletion first, in the same transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void tombstone(Topic topic, String key) {
        Objects.requireNonNull(key, "key");
        insert(UUID.randomUUID(), topic, key, null, null);
    }

    private void insert(UUID eventId, Topic topic, String key, String type, String payload) {
        try (Connection connection = dataSource.getConnection()) {
            table.insert(connection, eventId, topic.name(), key, type, payload);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write event " + eventId + " to the outbox", e);
        }
        nudgeRelayAfterCommit();
    }

    private void nudgeRelayAfterCommit() {
        if (!config.nudgeAfterCommit() || transaction.getResource(NUDGE_REGISTERED) != null) {
            return;
        }
        transaction.putResource(NUDGE_REGISTERED, Boolean.TRUE);
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.nudge();
                }
            }
        });
    }
}
