package org.mitra.referral.identity;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * After the key-encryption keyset gets a new primary key, re-wraps every live data key in the key
 * store with it, the audit chain's key and the webhook subscriptions' secrets, so the old key can be removed from the keyset. Off unless
 * {@code mitra.referral.vault.rewrap-every} is set.
 */
@ApplicationScoped
public class KeyRotation {
    private static final Logger LOG = Logger.getLogger(KeyRotation.class);
    private static final int BATCH = 200;

    @Inject
    Vault vault;

    @Inject
    KeyStore keyStore;

    @Inject
    org.mitra.referral.audit.AuditAnchor auditAnchor;

    @Inject
    org.mitra.referral.webhook.WebhookSigning webhookSecrets;

    @Scheduled(every = "${mitra.referral.vault.rewrap-every:off}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        LOG.infof("Re-wrapped %d data keys with the primary key-encryption key", rewrapAll());
    }

    /**
     * Re-wraps every data key in the key store, one batch at a time; returns how many. A key destroyed
     * or changed meanwhile is left alone (the store replaces a key only if it is still the one read),
     * so a rotation never brings a shredded key back.
     */
    public int rewrapAll() {
        int done = 0;
        UUID after = new UUID(0, 0); // the smallest uuid in PostgreSQL's byte order
        while (true) {
            List<KeyStore.WrappedKey> batch = keyStore.keysAfter(after, BATCH);
            if (batch.isEmpty()) {
                // The audit chain's key is wrapped by the same keyset (see audit.AuditAnchor), and so are the webhook
                // subscriptions' signing secrets.
                auditAnchor.rewrapKey();
                webhookSecrets.rewrapAll();
                return done;
            }
            for (KeyStore.WrappedKey key : batch) {
                if (keyStore.replace(key.subjectId(), key.wrapped(), vault.rewrap(key.subjectId(), key.wrapped()))) {
                    done++;
                }
            }
            after = batch.get(batch.size() - 1).subjectId();
        }
    }
}
