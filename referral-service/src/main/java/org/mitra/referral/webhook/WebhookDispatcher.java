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
import java.time.temporal.ChronoUnit;
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

    /** Rounds one scheduled run may take before yielding to the next. */
    private static final int MAX_ROUNDS = 1000;

    /** The dispatcher's job, by name (tests that count a request's statements pause it). */
    public static final String JOB = "webhook-dispatcher";

    @Scheduled(identity = JOB, every = "${mitra.referral.webhooks.dispatch-every}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            // Round after round while there is work; a round's claims are all sent at once, within their lease.
            for (int round = 0; round < MAX_ROUNDS && dispatchDue() > 0; round++) {
                // more may be due
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

    /**
     * One round: claims due deliveries, as many as are sent at once ({@code parallelism}) and at most half of them for
     * one organization (its slow endpoints cannot take every sender), sends them, records each outcome; returns how many.
     */
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

    /** A claimed delivery; {@code lease} is the claim's mark: only its holder records the outcome. */
    record Claim(long seq, UUID subscriptionId, String messageId, String payload, String url, Instant lease) {
    }

    @SuppressWarnings("unchecked")
    private List<Claim> claim() {
        Instant now = clock.instant();
        // Every claim of a round is sent at once, so a try ends within the timeout: the lease outlasts it.
        Instant lease = now.plus(config.timeout()).plusSeconds(30).truncatedTo(ChronoUnit.MILLIS);
        int perRound = Math.max(1, config.parallelism());
        List<Object[]> rows = entityManager.createNativeQuery("""
                UPDATE webhook_delivery d SET next_attempt_at = :lease
                FROM webhook_subscription s
                WHERE s.id = d.subscription_id AND d.seq IN (
                    SELECT c.seq FROM webhook_delivery c WHERE c.seq IN (
                        SELECT ranked.seq FROM (
                            SELECT c2.seq, row_number() OVER (PARTITION BY s2.organization_id ORDER BY c2.seq) AS n
                            FROM webhook_delivery c2
                            JOIN webhook_subscription s2 ON s2.id = c2.subscription_id
                            WHERE c2.status = 'PENDING' AND c2.next_attempt_at <= :now
                              AND s2.status = 'ACTIVE' AND (s2.paused_until IS NULL OR s2.paused_until <= :now)
                              AND (c2.event_type = 'organization.verification-changed' OR EXISTS (
                                  SELECT 1 FROM directory_organization o WHERE o.id = s2.organization_id AND o.status = 'VERIFIED'))
                              AND NOT EXISTS (SELECT 1 FROM webhook_delivery e
                                  WHERE e.subscription_id = c2.subscription_id AND e.order_key = c2.order_key
                                    AND e.status = 'PENDING' AND e.seq < c2.seq)
                        ) ranked
                        WHERE ranked.n <= :perOrganization)
                    ORDER BY c.seq
                    LIMIT :perRound
                    FOR UPDATE OF c SKIP LOCKED)
                RETURNING d.seq, d.subscription_id, d.message_id, d.payload, s.url
                """)
                .setParameter("lease", Timestamp.from(lease))
                .setParameter("now", Timestamp.from(now))
                .setParameter("perRound", perRound)
                .setParameter("perOrganization", Math.max(1, perRound / 2))
                .getResultList();
        List<Claim> claims = new ArrayList<>();
        for (Object[] row : rows) {
            claims.add(new Claim(((Number) row[0]).longValue(), (UUID) row[1], (String) row[2], (String) row[3],
                    (String) row[4], lease));
        }
        claims.sort((a, b) -> Long.compare(a.seq(), b.seq()));
        return claims;
    }

    private void send(Claim claim) {
        WebhookSubscription subscription = QuarkusTransaction.requiringNew().call(() -> WebhookSubscription.findById(claim.subscriptionId()));
        if (subscription == null) {
            return; // deleted meanwhile, with its deliveries
        }
        if (subscription.status != WebhookSubscription.Status.ACTIVE || !subscription.url.equals(claim.url())) {
            // Disabled, or its URL changed (to be verified) since the claim: nothing goes out; the delivery waits.
            QuarkusTransaction.requiringNew().run(() -> release(claim));
            return;
        }
        Instant now = clock.instant();
        WebhookHttp.Answer answer = http.post(claim.url(), signing.headers(subscription, claim.messageId(), now, claim.payload()),
                claim.payload());
        QuarkusTransaction.requiringNew().run(() -> record(claim, now, answer));
    }

    /** Whether the claim still holds: pending and leased by it (another instance may have taken it after the lease). */
    private static boolean holds(WebhookDelivery delivery, Claim claim) {
        return delivery != null && delivery.status == WebhookDelivery.Status.PENDING && delivery.nextAttemptAt != null
                && delivery.nextAttemptAt.truncatedTo(ChronoUnit.MILLIS).equals(claim.lease());
    }

    private void release(Claim claim) {
        WebhookDelivery delivery = WebhookDelivery.findById(claim.seq());
        if (holds(delivery, claim)) {
            delivery.nextAttemptAt = clock.instant();
        }
    }

    private void record(Claim claim, Instant attemptedAt, WebhookHttp.Answer answer) {
        WebhookDelivery delivery = WebhookDelivery.findById(claim.seq());
        if (!holds(delivery, claim)) {
            return; // deleted with its subscription, or no longer ours: its holder records it
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
