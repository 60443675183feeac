package org.mitra.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.mitra.events.CloudEvent;

/** A test consumer whose effect (a counter per item) must happen once per event. */
@ApplicationScoped
public class ItemCounter {
    static final String CONSUMER = "test-item-counter";

    @Inject
    DataSource dataSource;

    @Inject
    Inbox inbox;

    @Transactional
    public boolean consume(CloudEvent<?> event) {
        return inbox.handleOnce(CONSUMER, event, () -> increment(event.subject()));
    }

    @Transactional
    public void consumeThenFail(CloudEvent<?> event) {
        consume(event);
        throw new IllegalStateException("the consumer fails after applying the event");
    }

    public int applied(String itemKey) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT applied FROM test_counter WHERE item_key = ?")) {
            select.setString(1, itemKey);
            try (ResultSet result = select.executeQuery()) {
                return result.next() ? result.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void increment(String itemKey) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement(
                        "INSERT INTO test_counter (item_key, applied) VALUES (?, 1)"
                                + " ON CONFLICT (item_key) DO UPDATE SET applied = test_counter.applied + 1")) {
            upsert.setString(1, itemKey);
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
