package org.mitra.referral.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.logging.Logger;

/**
 * Sends what is owed, at least once and in order per order key (a referral): a delivery goes out only when no earlier
 * one of its subscription and key is still pending. Claims are leased in the database ({@code FOR UPDATE SKIP LOCKED}),
 * so several instances share the work and a crash mid-try only delays a delivery until its lease ends.
 *
 * <p>After a failed try the delivery waits for the next step of {@code mitra.referral.webhooks.retry-schedule}, and so
 * does its whole subscription (no hammering of an endpoint that is down, and the order holds); {@code 429}/{@code 503}
 * with {@code Retry-After} wait that long instead; {@code 410 Gone} disables the subscription at once; a delivery
 * failing through the whole schedule (about three days) fails and disables its subscription, with the reason. A
 * disabled or unverified subscription keeps what it is owed: re-verifying it sends the rest.
 */
@ApplicationScoped
public class WebhookDispatcher {
    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    @Inject
    WebhookConfig config;

    @Inject
    WebhookHttp http;

    @Inject
    WebhookSigning signing;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    private ExecutorService senders;

    private synchronized ExecutorService senders() {
        if (senders == null) {
            senders = Executors.newFixedThreadPool(config.parallelism(), runnable -> {
                Thread thread = new Thread(runnable, "webhook-sender");
                thread.setDaemon(true);
                return thread;
            });
        }
        return senders;
    }

    @PreDestroy
    synchronized void stop() {
        if (senders != null) {
            senders.shutdownNow();
        }
    }

    /** The dispatcher's job, by name (tests that count a request's statements pause it). */
    public static final String JOB = "webhook-dispatcher";

    @Scheduled(identity = JOB, every = "${mitra.referral.webhooks.dispatch-every}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            while (dispatchDue() == config.batch()) {
                // a full batch: more may be due
            }
        } catch (RuntimeException e) {
            LOG.warnf("Webhook dispatch round stopped (%s); the next round retries", e.getClass().getName());
        }
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeScheduled() {
        purgeDelivered(clock.instant());
    }

    /** Deletes the deliveries delivered before {@code mitra.referral.webhooks.log-retention}, with their tries. */
    public int purgeDelivered(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> (int) WebhookDelivery.delete("status = ?1 and deliveredAt < ?2",
                WebhookDelivery.Status.DELIVERED, now.minus(config.logRetention())));
    }

    /** One round: claims up to a batch of due deliveries, sends them, records each outcome; returns how many. */
    public int dispatchDue() {
        List<Claim> claims = QuarkusTransaction.requiringNew().call(this::claim);
        List<Future<?>> sent = new ArrayList<>();
        for (Claim claim : claims) {
            sent.add(senders().submit(() -> send(claim)));
        }
        for (Future<?> each : sent) {
            try {
                each.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return claims.size();
            } catch (Exception e) {
                LOG.warnf("A webhook try could not be recorded (%s); it is tried again when its lease ends",
                        e.getClass().getName());
            }
        }
        return claims.size();
    }

    record Claim(long seq, UUID subscriptionId, String messageId, String payload) {
    }

    @SuppressWarnings("unchecked")
    private List<Claim> claim() {
        Instant now = clock.instant();
        Instant lease = now.plus(config.timeout()).plusSeconds(30);
        List<Object[]> rows = entityManager.createNativeQuery("""
                UPDATE webhook_delivery d SET next_attempt_at = :lease
                WHERE d.seq IN (
                    SELECT c.seq FROM webhook_delivery c
                    JOIN webhook_subscription s ON s.id = c.subscription_id
                    WHERE c.status = 'PENDING' AND c.next_attempt_at <= :now
                      AND s.status = 'ACTIVE' AND (s.paused_until IS NULL OR s.paused_until <= :now)
                      AND (c.event_type = 'organization.verification-changed' OR EXISTS (
                          SELECT 1 FROM directory_organization o WHERE o.id = s.organization_id AND o.status = 'VERIFIED'))
                      AND NOT EXISTS (SELECT 1 FROM webhook_delivery e
                          WHERE e.subscription_id = c.subscription_id AND e.order_key = c.order_key
                            AND e.status = 'PENDING' AND e.seq < c.seq)
                    ORDER BY c.seq
                    LIMIT :batch
                    FOR UPDATE OF c SKIP LOCKED)
                RETURNING d.seq, d.subscription_id, d.message_id, d.payload
                """)
                .setParameter("lease", Timestamp.from(lease))
                .setParameter("now", Timestamp.from(now))
                .setParameter("batch", config.batch())
                .getResultList();
        List<Claim> claims = new ArrayList<>();
        for (Object[] row : rows) {
            claims.add(new Claim(((Number) row[0]).longValue(), (UUID) row[1], (String) row[2], (String) row[3]));
        }
        claims.sort((a, b) -> Long.compare(a.seq(), b.seq()));
        return claims;
    }

    private void send(Claim claim) {
        WebhookSubscription subscription = QuarkusTransaction.requiringNew().call(() -> WebhookSubscription.findById(claim.subscriptionId()));
        if (subscription == null) {
            return; // deleted meanwhile, with its deliveries
        }
        Instant now = clock.instant();
        WebhookHttp.Answer answer = http.post(subscription.url, signing.headers(subscription, claim.messageId(), now, claim.payload()),
                claim.payload());
        QuarkusTransaction.requiringNew().run(() -> record(claim, now, answer));
    }

    private void record(Claim claim, Instant attemptedAt, WebhookHttp.Answer answer) {
        WebhookDelivery delivery = WebhookDelivery.findById(claim.seq());
        if (delivery == null) {
            return; // its subscription was deleted meanwhile
        }
        WebhookAttempt attempt = new WebhookAttempt();
        attempt.deliverySeq = delivery.seq;
        attempt.attemptedAt = attemptedAt;
        attempt.statusCode = answer.status();
        attempt.latencyMs = answer.latencyMillis();
        attempt.error = answer.succeeded() ? null : answer.error() != null ? answer.error() : "answered " + answer.status();
        attempt.persist();

        Instant now = clock.instant();
        delivery.attempts++;
        delivery.lastStatusCode = answer.status();
        if (answer.succeeded()) {
            delivery.status = WebhookDelivery.Status.DELIVERED;
            delivery.deliveredAt = now;
            delivery.nextAttemptAt = null;
            update(claim.subscriptionId(), "failing_since = NULL", "failing_since IS NOT NULL", null, null);
            return;
        }
        // The subscription's columns are updated in place, not through its entity: the tries of one batch end at
        // once, and none may lose its update to another's.
        update(claim.subscriptionId(), "failing_since = COALESCE(failing_since, :t)", "failing_since IS NULL", attemptedAt, null);
        if (answer.status() != null && answer.status() == 410) {
            delivery.nextAttemptAt = now;
            disable(claim.subscriptionId(), "The endpoint answered 410 Gone at " + attemptedAt + "; verify it again to resume");
            return;
        }
        List<Duration> schedule = config.retrySchedule();
        int retry = delivery.attempts - 1; // the first failed try waits schedule[0]
        if (retry >= schedule.size()) {
            delivery.status = WebhookDelivery.Status.FAILED;
            delivery.nextAttemptAt = null;
            disable(claim.subscriptionId(), "Delivery " + delivery.messageId + " failed all " + delivery.attempts
                    + " tries of the retry schedule (last: " + attempt.error + "); verify the endpoint again to resume");
            return;
        }
        Duration wait = schedule.get(retry);
        if (answer.status() != null && (answer.status() == 429 || answer.status() == 503) && answer.retryAfter().isPresent()) {
            Duration asked = answer.retryAfter().get();
            wait = asked.compareTo(config.maxRetryAfter()) > 0 ? config.maxRetryAfter() : asked;
        }
        delivery.nextAttemptAt = now.plus(wait);
        update(claim.subscriptionId(), "paused_until = :t", "(paused_until IS NULL OR paused_until < :t)",
                delivery.nextAttemptAt, null);
    }

    private void disable(UUID subscription, String reason) {
        update(subscription, "status = 'DISABLED', status_reason = :r, paused_until = NULL, updated_at = now()",
                "status <> 'DISABLED'", null, reason);
    }

    private void update(UUID subscription, String set, String when, Instant t, String reason) {
        var query = entityManager.createNativeQuery("UPDATE webhook_subscription SET " + set + ", version = version + 1"
                + " WHERE id = :id AND " + when).setParameter("id", subscription);
        if (t != null) {
            query.setParameter("t", Timestamp.from(t));
        }
        if (reason != null) {
            query.setParameter("r", reason);
        }
        query.executeUpdate();
    }
}
