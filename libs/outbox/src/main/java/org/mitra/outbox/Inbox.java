package org.mitra.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import org.mitra.events.CloudEvent;

/**
 * Makes a consumer idempotent: it records each event id it applies, in the same transaction as
 * the effect, so a redelivered event has no second effect and a rolled-back one is applied again.
 *
 * <p>In a service, a SmallRye Reactive Messaging consumer reads the envelope as a string, runs
 * blocking in a transaction and lets the inbox decide (offsets are committed after the method
 * returns, so a crash redelivers and the inbox absorbs it):
 * <pre>{@code
 * @Incoming("referrals-lifecycle")   // mp.messaging.incoming.referrals-lifecycle.topic=mitra.referrals.lifecycle
 * @Blocking                          // ...value.deserializer=org.apache.kafka.common.serialization.StringDeserializer
 * @Transactional
 * public void consume(String value) {
 *     if (value == null) return;                      // a tombstone: nothing to apply
 *     CloudEvent<JsonNode> event = EventJson.read(value);
 *     if (!ReferralStatusChanged.isType(event.type())) return;
 *     inbox.handleOnce("directory-demand", event,
 *             () -> demand.count(EventJson.data(event, ReferralStatusChanged.class)));
 * }
 * }</pre>
 * Name each consumer once and never rename it: the name is half of the dedupe key.
 */
@ApplicationScoped
public class Inbox {
    @Inject
    DataSource dataSource;

    /** True only the first time this consumer sees this event id in a committed transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstTime(String consumer, UUID eventId) {
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(eventId, "eventId");
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO inbox_event (consumer, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, consumer);
            insert.setObject(2, eventId);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record event " + eventId + " for " + consumer, e);
        }
    }

    /**
     * Runs the handler in the caller's transaction (or a new one) unless this consumer already
     * applied the event; returns whether it ran. If the handler throws, nothing is recorded.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public boolean handleOnce(String consumer, CloudEvent<?> event, Runnable handler) {
        if (!firstTime(consumer, event.id())) {
            return false;
        }
        handler.run();
        return true;
    }
}
