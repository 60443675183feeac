package org.mitra.referral.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The webhook API's bodies. */
public final class WebhookViews {
    private WebhookViews() {
    }

    @Schema(name = "WebhookSubscriptionRequest", description = "An endpoint and the webhook types it wants")
    public record SubscriptionRequest(
            @Schema(description = "Where deliveries are posted: https, its host resolving to public addresses only "
                    + "(the local run also allows loopback endpoints)", examples = "https://cases.example.org/mitra/webhooks")
            @NotNull @Size(max = EndpointAddresses.MAX_URL_LENGTH) String url,
            @Schema(description = "The webhook types to deliver")
            @NotEmpty @Size(max = 20) List<@NotNull WebhookType> eventTypes,
            @Schema(description = "A label for the subscriber's own use; never put personal data here")
            @Size(max = 200) String description) {
    }

    @Schema(name = "WebhookSubscription")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SubscriptionView(
            UUID id,
            UUID organizationId,
            String url,
            List<WebhookType> eventTypes,
            String description,
            @Schema(description = "PENDING_VERIFICATION until the endpoint echoes the challenge; DISABLED after a 410 or "
                    + "deliveries failing through the whole retry schedule (verify again to resume)")
            WebhookSubscription.Status status,
            @Schema(description = "Why it is pending or disabled") String statusReason,
            @Schema(description = "Since when deliveries fail, while they do") Instant failingSince,
            @Schema(description = "No try before this time (a failed try's backoff or the endpoint's Retry-After)")
            Instant pausedUntil,
            @Schema(description = "The whsec_ secret deliveries are signed with: in this answer only, when the "
                    + "subscription is made or its secret rotated. Mitra cannot show it again.")
            String secret,
            @Schema(description = "After a rotation, the previous secret also signs deliveries until this time")
            Instant previousSecretValidUntil,
            Instant createdAt,
            Instant updatedAt) {

        static SubscriptionView of(WebhookSubscription subscription, String secret, Instant now) {
            Instant previousUntil = subscription.previousSecretUntil != null && subscription.previousSecretUntil.isAfter(now)
                    ? subscription.previousSecretUntil : null;
            return new SubscriptionView(subscription.id, subscription.organizationId, subscription.url, subscription.types(),
                    subscription.description, subscription.status, subscription.statusReason, subscription.failingSince,
                    subscription.pausedUntil, secret, previousUntil, subscription.createdAt, subscription.updatedAt);
        }
    }

    @Schema(name = "WebhookAttempt", description = "One try at a delivery")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AttemptView(
            Instant attemptedAt,
            @Schema(description = "The endpoint's HTTP status; absent when it did not answer") Integer statusCode,
            long latencyMillis,
            @Schema(description = "What went wrong, in Mitra's words (never the endpoint's body)") String error) {
    }

    @Schema(name = "WebhookDelivery", description = "One event owed to the subscription, with every try at it")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeliveryView(
            @Schema(description = "The webhook-id header: the event's id, the receiver's dedupe key") String messageId,
            WebhookType type,
            WebhookDelivery.Status status,
            @Schema(description = "When the event happened") Instant occurredAt,
            Instant createdAt,
            int attempts,
            @Schema(description = "When it is tried next, while pending") Instant nextAttemptAt,
            Integer lastStatusCode,
            Instant deliveredAt,
            @Schema(description = "The payload as sent: type, timestamp and ids only") String payload,
            List<AttemptView> attemptLog) {
    }

    @Schema(name = "WebhookReplayRequest")
    public record ReplayRequest(
            @Schema(description = "Every delivery of events that happened at or after this time is sent again")
            @NotNull Instant since) {
    }

    @Schema(name = "WebhookReplay")
    public record ReplayView(@Schema(description = "How many deliveries were queued again") int queued) {
    }
}
