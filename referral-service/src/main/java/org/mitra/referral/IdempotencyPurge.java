package org.mitra.referral;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.mitra.web.idempotency.Idempotency;

/** Forgets expired Idempotency-Keys of referral creation, so the table stays small. */
@ApplicationScoped
public class IdempotencyPurge {
    @Inject
    Idempotency idempotency;

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        idempotency.purgeExpired();
    }
}
