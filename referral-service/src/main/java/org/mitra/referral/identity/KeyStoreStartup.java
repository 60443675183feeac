package org.mitra.referral.identity;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.mitra.events.referral.ReferralStatus;
import org.mitra.referral.lifecycle.Action;
import org.mitra.referral.lifecycle.HistoryEntry;
import org.mitra.referral.lifecycle.ReferralEvents;
import org.mitra.referral.lifecycle.ReferralStateMachine;
import org.mitra.referral.lifecycle.ReferralWorkflow;
import org.mitra.referral.lifecycle.StatusChange;
import org.mitra.referral.referral.Referral;

/**
 * Two idempotent jobs at every start, keeping the referral database free of key material and
 * honouring every past withdrawal even after the referral database was restored from a backup:
 * <ol>
 * <li>{@link #moveKeysToKeyStore()}: keys still in {@code subject.data_key} (installations from before
 * the key store) move to the key store, and the column is set to NULL;</li>
 * <li>{@link #reapplyShredLedger()}: every subject in the key store's shred ledger whose identity
 * ciphertext is back (a restored backup) is erased again, and its still-open referrals cancelled;</li>
 * <li>{@link #reapplyReferralErasures()}: the other way round, every subject the referral database
 * knows as erased has no key in the key store and is in its ledger (a key store restored from a
 * backup older than the withdrawal).</li>
 * </ol>
 * Logs counts only, never subject ids.
 */
@ApplicationScoped
public class KeyStoreStartup {
    private static final Logger LOG = Logger.getLogger(KeyStoreStartup.class);
    private static final int BATCH = 200;
    /** The history actor of what this job does: no person did it. */
    static final String ACTOR = "key-store-ledger";

    @Inject
    AgroalDataSource referralDatabase;

    @Inject
    KeyStore keyStore;

    @Inject
    IdentityVault vault;

    @Inject
    ReferralEvents events;

    void onStart(@Observes StartupEvent start) {
        int moved = moveKeysToKeyStore();
        if (moved > 0) {
            LOG.infof("Moved %d data keys from the referral database to the key store", moved);
        }
        int erased = reapplyShredLedger();
        if (erased > 0) {
            LOG.warnf("Erased again the identities of %d subjects whose consent was withdrawn (restored backup?)", erased);
        }
        int shredded = reapplyReferralErasures();
        if (shredded > 0) {
            LOG.warnf("Destroyed again the data keys of %d subjects whose consent was withdrawn (restored key store?)", shredded);
        }
    }

    /**
     * For every subject erased in the referral database whose key is in the key store again, or who is
     * missing from the shred ledger: destroys the key and records it in the ledger. Returns how many.
     */
    public int reapplyReferralErasures() {
        int shredded = 0;
        UUID after = new UUID(0, 0); // the smallest uuid in PostgreSQL's byte order
        while (true) {
            Map<UUID, Instant> batch = new LinkedHashMap<>();
            try (Connection connection = referralDatabase.getConnection();
                    PreparedStatement select = connection.prepareStatement(
                            "SELECT id, key_destroyed_at FROM subject WHERE key_destroyed_at IS NOT NULL AND id > ? ORDER BY id LIMIT ?")) {
                select.setObject(1, after);
                select.setInt(2, BATCH);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        UUID subject = rows.getObject(1, UUID.class);
                        batch.put(subject, rows.getTimestamp(2).toInstant());
                        after = subject;
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read the referral database's erasures", e);
            }
            if (batch.isEmpty()) {
                return shredded;
            }
            for (UUID subject : keyStore.notFullyShredded(List.copyOf(batch.keySet()))) {
                keyStore.shred(subject, batch.get(subject));
                shredded++;
            }
        }
    }

    /**
     * Moves every wrapped key left in {@code subject.data_key} into the key store (unless the subject's
     * key was destroyed there: a restored key never comes back) and sets the column to NULL; returns
     * how many subjects' columns were cleared.
     */
    public int moveKeysToKeyStore() {
        int cleared = 0;
        while (true) {
            Map<UUID, byte[]> batch = new LinkedHashMap<>();
            try (Connection connection = referralDatabase.getConnection();
                    PreparedStatement select = connection.prepareStatement(
                            "SELECT id, data_key FROM subject WHERE data_key IS NOT NULL ORDER BY id LIMIT ?")) {
                select.setInt(1, BATCH);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        batch.put(rows.getObject(1, UUID.class), rows.getBytes(2));
                    }
                }
                if (batch.isEmpty()) {
                    return cleared;
                }
                // The key store first: if the service stops in between, the next start finds the column
                // still set and adopting the same key again changes nothing.
                batch.forEach(keyStore::adopt);
                try (PreparedStatement clear = connection.prepareStatement("UPDATE subject SET data_key = NULL WHERE id = ?")) {
                    for (UUID subject : batch.keySet()) {
                        clear.setObject(1, subject);
                        clear.addBatch();
                    }
                    clear.executeBatch();
                }
                cleared += batch.size();
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot move data keys out of the referral database", e);
            }
        }
    }

    /**
     * For every subject in the shred ledger whose identity ciphertext is in the referral database again,
     * or whose erasure never committed there: erases the ciphertext, records when the key was destroyed
     * and cancels the subject's still-open referrals as a withdrawal does. Returns how many subjects.
     */
    public int reapplyShredLedger() {
        int erased = 0;
        UUID after = new UUID(0, 0); // the smallest uuid in PostgreSQL's byte order
        while (true) {
            List<KeyStore.Shredded> ledger = keyStore.shreddedAfter(after, BATCH);
            if (ledger.isEmpty()) {
                return erased;
            }
            Map<UUID, Instant> shreddedAt = ledger.stream()
                    .collect(Collectors.toMap(KeyStore.Shredded::subjectId, KeyStore.Shredded::shreddedAt));
            List<UUID> toErase = QuarkusTransaction.requiringNew().call(() -> Subject.<Subject>list(
                            "id in ?1 and (identityCiphertext is not null or keyDestroyedAt is null)", shreddedAt.keySet())
                    .stream().map(subject -> subject.id).toList());
            for (UUID subjectId : toErase) {
                QuarkusTransaction.requiringNew().run(() -> erase(subjectId, shreddedAt.get(subjectId)));
            }
            erased += toErase.size();
            after = ledger.get(ledger.size() - 1).subjectId();
        }
    }

    private void erase(UUID subjectId, Instant shreddedAt) {
        Subject subject = Subject.findById(subjectId);
        vault.erase(subject, shreddedAt);
        Instant now = Instant.ofEpochMilli(System.currentTimeMillis());
        for (Referral referral : Referral.<Referral>list("subjectId", subjectId)) {
            if (referral.consentWithdrawnAt == null) {
                referral.consentWithdrawnAt = shreddedAt;
                referral.updatedAt = now;
            }
            if (ReferralStateMachine.isOpen(referral.status)) {
                StatusChange change = referral.moveTo(ReferralStatus.CANCELLED, ReferralWorkflow.CONSENT_WITHDRAWN, now);
                history(referral, change.from());
                events.statusChanged(change);
            }
        }
    }

    private static void history(Referral referral, ReferralStatus from) {
        HistoryEntry entry = new HistoryEntry();
        entry.id = UUID.randomUUID();
        entry.referralId = referral.id;
        entry.action = Action.CANCEL.code();
        entry.fromStatus = from;
        entry.toStatus = referral.status;
        entry.businessStatus = referral.businessStatus;
        entry.reasonCode = ReferralWorkflow.CONSENT_WITHDRAWN;
        entry.actor = ACTOR;
        entry.occurredAt = referral.updatedAt;
        entry.persist();
    }

}
