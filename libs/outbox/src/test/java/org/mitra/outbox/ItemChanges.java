package org.mitra.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.mitra.events.CloudEvent;
import org.mitra.events.Topic;

/** A test application service: changes state and publishes the event in one transaction. */
@ApplicationScoped
public class ItemChanges {
    @Inject
    DataSource dataSource;

    @Inject
    Outbox outbox;

    @Transactional
    public CloudEvent<ItemChanged> change(Topic topic, String itemKey, int sequence) {
        insertChange(itemKey, sequence);
        return outbox.publish(topic, new ItemChanged(itemKey, sequence));
    }

    @Transactional
    public void changeThenFail(Topic topic, String itemKey, int sequence) {
        change(topic, itemKey, sequence);
        throw new IllegalStateException("the change fails after its event was written");
    }

    public long changesOf(String itemKey) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM test_change WHERE item_key = ?")) {
            count.setString(1, itemKey);
            var result = count.executeQuery();
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void insertChange(String itemKey, int sequence) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO test_change (id, item_key, sequence) VALUES (?, ?, ?)")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, itemKey);
            insert.setInt(3, sequence);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
