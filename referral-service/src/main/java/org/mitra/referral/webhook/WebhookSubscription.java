package org.mitra.referral.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** An organization's endpoint and the webhook types it wants, with the secret deliveries are signed with. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {
    @Schema(name = "WebhookSubscriptionStatus")
    public enum Status {
        /** Saved; no delivery goes out until the endpoint echoed a challenge. */
        PENDING_VERIFICATION,
        ACTIVE,
        /** Stopped by a 410, by deliveries failing for days, or by its organization; re-verify to resume. */
        DISABLED
    }

    @Id
    public UUID id;

    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;

    @Column(nullable = false)
    public String url;

    @Column(name = "event_types", nullable = false)
    public String eventTypes;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "secret_wrapped", nullable = false)
    public byte[] secretWrapped;

    @Column(name = "previous_secret_wrapped")
    public byte[] previousSecretWrapped;

    @Column(name = "previous_secret_until")
    public Instant previousSecretUntil;

    @Column(name = "failing_since")
    public Instant failingSince;

    @Column(name = "paused_until")
    public Instant pausedUntil;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public List<WebhookType> types() {
        return Arrays.stream(eventTypes.split(",")).filter(s -> !s.isBlank()).map(WebhookType::of).toList();
    }

    public void types(List<WebhookType> types) {
        eventTypes = String.join(",", types.stream().distinct().sorted().map(WebhookType::wireName).toList());
    }

    public boolean wants(WebhookType type) {
        return types().stream().anyMatch(type::coveredBy);
    }

    /** The subscriptions of these organizations that want this type of what happened at {@code occurredAt}. */
    public static List<WebhookSubscription> interestedIn(List<UUID> organizations, WebhookType type, Instant occurredAt) {
        return WebhookSubscription.<WebhookSubscription>list("organizationId in ?1 and createdAt <= ?2", organizations, occurredAt)
                .stream().filter(subscription -> subscription.wants(type)).toList();
    }
}
