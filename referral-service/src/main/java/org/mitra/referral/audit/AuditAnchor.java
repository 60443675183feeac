package org.mitra.referral.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;
import org.mitra.referral.identity.Vault;

/**
 * What anchors the audit chain outside the referral database (issue 12 item 12): the chain's HMAC key, kept in the
 * key store wrapped by the key-encryption keyset (so neither database alone, nor both without the keyset, can
 * recompute the chain), and a MAC'd checkpoint of the last head written, also in the key store. Entries from
 * {@code keyed_from} on are chained with HMAC-SHA-256; earlier ones (written by older versions with plain
 * SHA-256) keep their hashes and are covered by the first keyed entry.
 */
@ApplicationScoped
public class AuditAnchor {
    private static final Logger LOG = Logger.getLogger(AuditAnchor.class);
    private static final String BINDING = "referral.audit_chain_key";

    @Inject
    @DataSource("keystore")
    AgroalDataSource keyStore;

    @Inject
    AgroalDataSource referralDatabase;

    @Inject
    Vault vault;

    private volatile Key key;

    private record Key(SecretKeySpec secret, long keyedFrom) {
    }

    /** A checkpoint as read back: whether its MAC holds tells whether someone wrote it without the key. */
    public record Checkpoint(long sequence, String hash, boolean authentic) {
    }

    void onStart(@Observes StartupEvent start) {
        key();
    }

    /** The chain's key, created at the first start (keyed from the sequence after the head then). */
    private Key key() {
        Key current = key;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (key == null) {
                key = loadOrCreate();
            }
            return key;
        }
    }

    private Key loadOrCreate() {
        try (Connection connection = keyStore.getConnection()) {
            Optional<Key> stored = load(connection);
            if (stored.isPresent()) {
                return stored.get();
            }
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO audit_chain_key (id, wrapped, keyed_from, created_at) VALUES (1, ?, ?, ?)
                    ON CONFLICT (id) DO NOTHING""")) {
                insert.setBytes(1, vault.wrapSecret(secret, BINDING));
                insert.setLong(2, headSequence() + 1);
                insert.setTimestamp(3, Timestamp.from(Instant.now()));
                insert.executeUpdate();
            }
            return load(connection).orElseThrow();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the audit chain's key from the key store", e);
        }
    }

    private Optional<Key> load(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT wrapped, keyed_from FROM audit_chain_key WHERE id = 1");
                ResultSet rows = select.executeQuery()) {
            if (!rows.next()) {
                return Optional.empty();
            }
            return Optional.of(new Key(new SecretKeySpec(vault.unwrapSecret(rows.getBytes(1), BINDING), "HmacSHA256"),
                    rows.getLong(2)));
        }
    }

    /**
     * Re-wraps the chain's key with the key-encryption keyset's primary key (after a rotation, so the old key can
     * leave the keyset); true when it was re-wrapped. Only replaces the wrapped key it read.
     */
    public boolean rewrapKey() {
        try (Connection connection = keyStore.getConnection()) {
            byte[] wrapped;
            try (PreparedStatement select = connection.prepareStatement("SELECT wrapped FROM audit_chain_key WHERE id = 1");
                    ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return false;
                }
                wrapped = rows.getBytes(1);
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE audit_chain_key SET wrapped = ? WHERE id = 1 AND wrapped = ?")) {
                update.setBytes(1, vault.wrapSecret(vault.unwrapSecret(wrapped, BINDING), BINDING));
                update.setBytes(2, wrapped);
                return update.executeUpdate() == 1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot re-wrap the audit chain's key in the key store", e);
        }
    }

    private long headSequence() throws SQLException {
        try (Connection connection = referralDatabase.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT sequence FROM audit_chain_head WHERE id = 1");
                ResultSet rows = select.executeQuery()) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    /** The hash of the entry at this sequence: HMAC-SHA-256 under the chain's key, or SHA-256 before it existed. */
    public String hash(long sequence, String previous, String canonical) {
        byte[] text = (previous + "\n" + canonical).getBytes(StandardCharsets.UTF_8);
        Key current = key();
        if (sequence < current.keyedFrom()) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return mac(current, text);
    }

    private static String mac(Key key, byte[] text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key.secret());
            return HexFormat.of().formatHex(mac.doFinal(text));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String checkpointMac(long sequence, String hash) {
        return mac(key(), ("checkpoint\n" + sequence + "\n" + hash).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Records a committed head in the key store, never moving it backwards. A key store that cannot be reached
     * leaves the checkpoint behind (logged); the chain itself is unaffected.
     */
    public void checkpoint(long sequence, String hash) {
        try (Connection connection = keyStore.getConnection();
                PreparedStatement upsert = connection.prepareStatement("""
                        INSERT INTO audit_checkpoint (id, sequence, hash, mac, updated_at) VALUES (1, ?, ?, ?, ?)
                        ON CONFLICT (id) DO UPDATE SET sequence = EXCLUDED.sequence, hash = EXCLUDED.hash,
                            mac = EXCLUDED.mac, updated_at = EXCLUDED.updated_at
                        WHERE audit_checkpoint.sequence < EXCLUDED.sequence""")) {
            upsert.setLong(1, sequence);
            upsert.setString(2, hash);
            upsert.setString(3, checkpointMac(sequence, hash));
            upsert.setTimestamp(4, Timestamp.from(Instant.now()));
            upsert.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Could not checkpoint the audit chain's head at sequence %d in the key store", sequence);
        }
    }

    /** The last checkpoint, if any. */
    public Optional<Checkpoint> lastCheckpoint() {
        try (Connection connection = keyStore.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT sequence, hash, mac FROM audit_checkpoint WHERE id = 1");
                ResultSet rows = select.executeQuery()) {
            if (!rows.next()) {
                return Optional.empty();
            }
            long sequence = rows.getLong(1);
            String hash = rows.getString(2);
            boolean authentic = MessageDigest.isEqual(checkpointMac(sequence, hash).getBytes(StandardCharsets.UTF_8),
                    rows.getString(3).getBytes(StandardCharsets.UTF_8));
            return Optional.of(new Checkpoint(sequence, hash, authentic));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the audit chain's checkpoint from the key store", e);
        }
    }
}
