package org.mitra.referral.identity;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.mitra.referral.referral.Referral;

/**
 * Police report numbers written in plaintext by older versions (before V8) are encrypted with the subject's data
 * key at every start, and the plaintext column set to NULL; the number of a subject whose key was destroyed
 * (consent withdrawn) is only set to NULL, as the withdrawal would have made it unreadable. Idempotent; logs
 * counts only.
 */
@ApplicationScoped
public class ReportNumberEncryption {
    private static final Logger LOG = Logger.getLogger(ReportNumberEncryption.class);
    private static final int BATCH = 200;

    @Inject
    AgroalDataSource referralDatabase;

    @Inject
    KeyStore keyStore;

    @Inject
    Vault vault;

    @Inject
    IdentityVault identityVault;

    void onStart(@Observes StartupEvent start) {
        int done = encryptPlaintext();
        if (done > 0) {
            LOG.infof("Encrypted or dropped %d plaintext police report numbers", done);
        }
    }

    private record Plain(UUID referralId, UUID subjectId, String reportNumber, boolean keyDestroyed) {
    }

    /** Encrypts (or, without a key, drops) every plaintext report number; returns how many rows it changed. */
    public int encryptPlaintext() {
        int changed = 0;
        while (true) {
            List<Plain> batch = new ArrayList<>();
            try (Connection connection = referralDatabase.getConnection()) {
                try (PreparedStatement select = connection.prepareStatement("""
                        SELECT r.id, r.subject_id, r.law_enforcement_report_number, s.key_destroyed_at IS NOT NULL
                        FROM referral r JOIN subject s ON s.id = r.subject_id
                        WHERE r.law_enforcement_report_number IS NOT NULL ORDER BY r.id LIMIT ?""")) {
                    select.setInt(1, BATCH);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            batch.add(new Plain(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class),
                                    rows.getString(3), rows.getBoolean(4)));
                        }
                    }
                }
                if (batch.isEmpty()) {
                    return changed;
                }
                try (PreparedStatement update = connection.prepareStatement("""
                        UPDATE referral SET law_enforcement_report_number = NULL,
                            law_enforcement_report_number_ciphertext = coalesce(CAST(? AS bytea), law_enforcement_report_number_ciphertext)
                        WHERE id = ? AND law_enforcement_report_number IS NOT NULL""")) {
                    for (Plain plain : batch) {
                        Optional<byte[]> key = plain.keyDestroyed() ? Optional.empty() : keyStore.find(plain.subjectId());
                        // Without a key the number is dropped; a ciphertext already there (unreadable) stays as it is.
                        byte[] ciphertext = key.map(wrapped -> vault.encrypt(plain.subjectId(), wrapped,
                                plain.reportNumber().getBytes(StandardCharsets.UTF_8),
                                IdentityVault.reportNumberPlace(plain.referralId()))).orElse(null);
                        update.setBytes(1, ciphertext);
                        update.setObject(2, plain.referralId());
                        update.addBatch();
                    }
                    update.executeBatch();
                }
                changed += batch.size();
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot encrypt the plaintext police report numbers", e);
            }
        }
    }

    /** Whether the referral's police report number can still be decrypted (false once the subject's key is gone). */
    public boolean readable(UUID referralId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Referral referral = Referral.findById(referralId);
            return referral != null && identityVault.reportNumber(referral).isPresent();
        });
    }
}
