package org.mitra.referral.identity;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * After the key-encryption keyset gets a new primary key, re-wraps every live data key with it, so
 * the old key can be removed from the keyset; once backups older than that have expired, their
 * wrapped data keys can no longer be opened. Off unless {@code mitra.referral.vault.rewrap-every} is set.
 */
@ApplicationScoped
public class KeyRotation {
    private static final Logger LOG = Logger.getLogger(KeyRotation.class);
    private static final int BATCH = 200;

    @Inject
    Vault vault;

    @Scheduled(every = "${mitra.referral.vault.rewrap-every:off}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        LOG.infof("Re-wrapped %d data keys with the primary key-encryption key", rewrapAll());
    }

    /** Re-wraps every data key not yet destroyed, one batch per transaction; returns how many. */
    public int rewrapAll() {
        int done = 0;
        UUID after = new UUID(0, 0); // the smallest uuid in PostgreSQL's byte order
        while (true) {
            UUID from = after;
            List<UUID> batch = QuarkusTransaction.requiringNew().call(() -> {
                List<Subject> subjects = Subject.find("dataKey is not null and id > :after", Sort.ascending("id"),
                        Parameters.with("after", from)).page(0, BATCH).list();
                subjects.forEach(subject -> subject.dataKey = vault.rewrap(subject.id, subject.dataKey));
                return subjects.stream().map(subject -> subject.id).toList();
            });
            if (batch.isEmpty()) {
                return done;
            }
            done += batch.size();
            after = batch.get(batch.size() - 1);
        }
    }
}
