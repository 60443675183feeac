package org.mitra.referral.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** One event owed to one subscription: sent until its endpoint answers 2xx, in order with its order key. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {
    @Schema(name = "WebhookDeliveryStatus")
    public enum Status {
        PENDING, DELIVERED,
        /** Every try of the retry schedule failed (its subscription was disabled for it); replay sends it again. */
        FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "subscription_id", nullable = false)
    public UUID subscriptionId;

    @Column(name = "message_id", nullable = false)
    public String messageId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "order_key", nullable = false)
    public String orderKey;

    @Column(nullable = false)
    public String payload;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_status_code")
    public Integer lastStatusCode;

    @Column(name = "delivered_at")
    public Instant deliveredAt;
}
