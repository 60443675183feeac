package org.mitra.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The SQL of the {@code outbox_event} table; every method works on the caller's connection. */
@ApplicationScoped
class OutboxTable {
    /** Advisory lock id held by the relay's transaction: one relay per database at a time. */
    static final long RELAY_LOCK = 0x6d69747261_6f7574L; // "mitra" "out"

    void insert(Connection connection, UUID eventId, String topic, String key, String type, String payload)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO outbox_event (event_id, topic, kafka_key, type, payload) VALUES (?, ?, ?, ?, ?)")) {
            insert.setObject(1, eventId);
            insert.setString(2, topic);
            insert.setString(3, key);
            insert.setString(4, type);
            insert.setString(5, payload);
            insert.executeUpdate();
        }
    }

    /** True when this transaction may relay; false while another replica's relay holds the lock. */
    boolean tryRelayLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    List<OutboxRow> unpublished(Connection connection, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT position, topic, kafka_key, payload FROM outbox_event"
                        + " WHERE published_at IS NULL ORDER BY position LIMIT ?")) {
            select.setInt(1, limit);
            try (ResultSet result = select.executeQuery()) {
                List<OutboxRow> rows = new ArrayList<>();
                while (result.next()) {
                    rows.add(new OutboxRow(result.getLong(1), result.getString(2), result.getString(3), result.getString(4)));
                }
                return rows;
            }
        }
    }

    /** Marks exactly these rows: a range could cover a row that committed after the read and was never sent. */
    void markPublished(Connection connection, List<OutboxRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        Long[] positions = rows.stream().map(OutboxRow::position).toArray(Long[]::new);
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE outbox_event SET published_at = now() WHERE position = ANY (?)")) {
            update.setArray(1, connection.createArrayOf("bigint", positions));
            update.executeUpdate();
        }
    }

    OutboxBacklog backlog(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT count(*), min(created_at) FROM outbox_event WHERE published_at IS NULL");
                ResultSet result = select.executeQuery()) {
            result.next();
            Timestamp oldest = result.getTimestamp(2);
            return new OutboxBacklog(result.getLong(1), oldest == null ? null : oldest.toInstant());
        }
    }

    int deletePublishedBefore(Connection connection, Instant before) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM outbox_event WHERE published_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(before));
            return delete.executeUpdate();
        }
    }
}
