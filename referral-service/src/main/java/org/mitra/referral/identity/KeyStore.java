package org.mitra.referral.identity;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The subjects' wrapped data keys and the shred ledger, in a database of their own (datasource
 * {@code keystore}, plain JDBC, outside the referral database's JTA transactions: the datasource
 * has {@code jdbc.transactions=disabled}, so every call here commits on its own before the caller's
 * referral transaction does). A backup of the referral database therefore never holds the key that
 * opens its ciphertexts, and deleting a key here makes every copy of them unreadable.
 */
@ApplicationScoped
public class KeyStore {
    @Inject
    @DataSource("keystore")
    AgroalDataSource keys;

    /** A wrapped key and the subject it belongs to. */
    public record WrappedKey(UUID subjectId, byte[] wrapped) {
    }

    /** Stores a new subject's wrapped data key; committed at once. */
    public void put(UUID subjectId, byte[] wrapped) {
        update("INSERT INTO data_key (subject_id, wrapped, created_at) VALUES (?, ?, ?)", statement -> {
            statement.setObject(1, subjectId);
            statement.setBytes(2, wrapped);
            statement.setTimestamp(3, Timestamp.from(Instant.now()));
        });
    }

    /**
     * Stores a key moved from the referral database, unless the subject already has one or its key
     * was destroyed (a key from a restored backup must not come back); true when it was stored.
     */
    public boolean adopt(UUID subjectId, byte[] wrapped) {
        return update("""
                INSERT INTO data_key (subject_id, wrapped, created_at)
                SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM shredded_subject WHERE subject_id = ?)
                ON CONFLICT (subject_id) DO NOTHING""", statement -> {
            statement.setObject(1, subjectId);
            statement.setBytes(2, wrapped);
            statement.setTimestamp(3, Timestamp.from(Instant.now()));
            statement.setObject(4, subjectId);
        }) == 1;
    }

    public Optional<byte[]> find(UUID subjectId) {
        try (Connection connection = keys.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT wrapped FROM data_key WHERE subject_id = ?")) {
            statement.setObject(1, subjectId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the key store", e);
        }
    }

    /** The wrapped keys of these subjects that the key store holds, in one query (a page of referrals). */
    public Map<UUID, byte[]> findAll(Collection<UUID> subjectIds) {
        Map<UUID, byte[]> found = new HashMap<>();
        try (Connection connection = keys.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT subject_id, wrapped FROM data_key WHERE subject_id = ANY (?)")) {
            statement.setArray(1, connection.createArrayOf("uuid", subjectIds.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getObject(1, UUID.class), rows.getBytes(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the key store", e);
        }
        return found;
    }

    /**
     * Crypto-shredding: deletes the subject's data key and records the subject in the shred ledger,
     * in one key-store transaction committed before this returns. Idempotent; the first shredding
     * time is kept.
     */
    public void shred(UUID subjectId, Instant at) {
        try (Connection connection = keys.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM data_key WHERE subject_id = ?");
                    PreparedStatement ledger = connection.prepareStatement(
                            "INSERT INTO shredded_subject (subject_id, shredded_at) VALUES (?, ?) ON CONFLICT (subject_id) DO NOTHING")) {
                delete.setObject(1, subjectId);
                delete.executeUpdate();
                ledger.setObject(1, subjectId);
                ledger.setTimestamp(2, Timestamp.from(at));
                ledger.executeUpdate();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot destroy a data key in the key store", e);
        }
    }

    public boolean isShredded(UUID subjectId) {
        try (Connection connection = keys.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM shredded_subject WHERE subject_id = ?")) {
            statement.setObject(1, subjectId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the key store", e);
        }
    }

    /** A page of wrapped keys in subject-id order, after the given id. */
    public List<WrappedKey> keysAfter(UUID after, int limit) {
        List<WrappedKey> page = new ArrayList<>();
        try (Connection connection = keys.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT subject_id, wrapped FROM data_key WHERE subject_id > ? ORDER BY subject_id LIMIT ?")) {
            statement.setObject(1, after);
            statement.setInt(2, limit);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    page.add(new WrappedKey(rows.getObject(1, UUID.class), rows.getBytes(2)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the key store", e);
        }
        return page;
    }

    /** Replaces a wrapped key unless it changed or was destroyed meanwhile; true when replaced. */
    public boolean replace(UUID subjectId, byte[] expected, byte[] rewrapped) {
        return update("UPDATE data_key SET wrapped = ? WHERE subject_id = ? AND wrapped = ?", statement -> {
            statement.setBytes(1, rewrapped);
            statement.setObject(2, subjectId);
            statement.setBytes(3, expected);
        }) == 1;
    }

    /** A page of the shred ledger in subject-id order, after the given id. */
    public List<Shredded> shreddedAfter(UUID after, int limit) {
        List<Shredded> page = new ArrayList<>();
        try (Connection connection = keys.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT subject_id, shredded_at FROM shredded_subject WHERE subject_id > ? ORDER BY subject_id LIMIT ?")) {
            statement.setObject(1, after);
            statement.setInt(2, limit);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    page.add(new Shredded(rows.getObject(1, UUID.class), rows.getTimestamp(2).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the key store", e);
        }
        return page;
    }

    /**
     * Of these subjects, those whose erasure the key store does not know about (a key still there, or
     * no ledger entry): after the key store itself was restored from a backup older than a withdrawal.
     */
    public List<UUID> notFullyShredded(List<UUID> subjectIds) {
        List<UUID> found = new ArrayList<>();
        try (Connection connection = keys.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        SELECT t.id FROM unnest(?) AS t(id)
                        WHERE EXISTS (SELECT 1 FROM data_key k WHERE k.subject_id = t.id)
                           OR NOT EXISTS (SELECT 1 FROM shredded_subject s WHERE s.subject_id = t.id)""")) {
            statement.setArray(1, connection.createArrayOf("uuid", subjectIds.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the key store", e);
        }
        return found;
    }

    /** An entry of the shred ledger. */
    public record Shredded(UUID subjectId, Instant shreddedAt) {
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private int update(String sql, Binder binder) {
        try (Connection connection = keys.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write to the key store", e);
        }
    }
}
