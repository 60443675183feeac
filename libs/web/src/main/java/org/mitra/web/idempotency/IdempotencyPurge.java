package org.mitra.web.idempotency;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Forgets expired {@code Idempotency-Key}s in every service that accepts them (every service with the
 * {@code idempotency_keys} table of {@code db/web}), hourly unless {@code mitra.idempotency.purge-every} says otherwise.
 */
@ApplicationScoped
public class IdempotencyPurge {
    private static final Logger LOG = Logger.getLogger(IdempotencyPurge.class);

    @Inject
    Idempotency idempotency;

    @Scheduled(every = "${mitra.idempotency.purge-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void purge() {
        int purged = idempotency.purgeExpired();
        if (purged > 0) {
            LOG.debugf("Purged %d expired idempotency keys", purged);
        }
    }
}
