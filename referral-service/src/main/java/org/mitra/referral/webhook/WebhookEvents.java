package org.mitra.referral.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.mitra.events.CloudEvent;
import org.mitra.events.EventJson;
import org.mitra.events.awareness.CampaignChanged;
import org.mitra.events.directory.OrganizationChanged;
import org.mitra.events.referral.ReferralConsentWithdrawn;
import org.mitra.events.referral.ReferralStatusChanged;
import org.mitra.outbox.EventConsumption;
import org.mitra.referral.referral.Referral;

/**
 * Turns the platform's events into deliveries owed to subscriptions, from Kafka and never inside the transaction that
 * made the event (consumer group {@code referral-webhooks} on the referral, directory and campaign topics, each event applied once through the inbox). Only the
 * organizations an event concerns are ever owed a delivery, and only subscriptions that existed when it happened:
 * <ul>
 * <li>a referral's submission to its receiving organization ({@code referral.received}); its later statuses to its
 * sending organization too;</li>
 * <li>an organization's new verification status to that organization;</li>
 * <li>a campaign's new state (status, counts) to the organization running it and the co-sponsors that accepted.</li>
 * </ul>
 * The payload is thin (Standard Webhooks' {@code type}, {@code timestamp}, {@code data}): ids, statuses and codes,
 * never a name, note, profile attribute or report number. The subscriber reads the rest with its own token, so every
 * read of the referral stays authorized and audited.
 */
@ApplicationScoped
public class WebhookEvents {
    static final String CONSUMER = "referral-webhooks";
    private static final ObjectMapper JSON = EventJson.mapper();

    @Inject
    EventConsumption consumption;

    @Inject
    Clock clock;

    @Incoming("webhook-referrals")
    @Blocking
    public void referralEvent(String value) {
        consumption.apply(CONSUMER, value, event -> {
            if (ReferralStatusChanged.isType(event.type())) {
                return referralEffect(event, EventJson.data(event, ReferralStatusChanged.class));
            }
            if (ReferralConsentWithdrawn.TYPE.equals(event.type())) {
                return withdrawalEffect(event, EventJson.data(event, ReferralConsentWithdrawn.class));
            }
            return null;
        });
    }

    @Incoming("webhook-campaigns")
    @Blocking
    public void campaignEvent(String value) {
        consumption.apply(CONSUMER, value, event -> CampaignChanged.TYPE.equals(event.type())
                ? campaignEffect(event, EventJson.data(event, CampaignChanged.class))
                : null);
    }

    @Incoming("webhook-organizations")
    @Blocking
    public void organizationEvent(String value) {
        consumption.apply(CONSUMER, value, event -> OrganizationChanged.TYPE.equals(event.type())
                ? organizationEffect(event, EventJson.data(event, OrganizationChanged.class))
                : null);
    }

    private Runnable referralEffect(CloudEvent<JsonNode> event, ReferralStatusChanged change) {
        return () -> WebhookType.ofReferral(change.status(), change.reasonCode()).ifPresent(type ->
                oweParties(event, type, change.referralId(), change.status().name(), change.reasonCode(),
                        occurredAt(event, change.occurredAt())));
    }

    /** Consent withdrawn after the referral closed: its status stays, the organizations are told all the same. */
    private Runnable withdrawalEffect(CloudEvent<JsonNode> event, ReferralConsentWithdrawn withdrawal) {
        return () -> {
            Referral referral = Referral.findById(withdrawal.referralId());
            if (referral != null) {
                oweParties(event, WebhookType.REFERRAL_CONSENT_WITHDRAWN, referral.id, referral.status.name(),
                        "CONSENT_WITHDRAWN", occurredAt(event, withdrawal.occurredAt()));
            }
        };
    }

    private void oweParties(CloudEvent<JsonNode> event, WebhookType type, UUID referralId, String status, String reasonCode,
            Instant occurredAt) {
        Referral referral = Referral.findById(referralId);
        if (referral == null) {
            return;
        }
        // referral.received is the receiver's news alone; every other step concerns both sides (the sender alone when the
        // referral went to an agency outside the platform).
        List<UUID> parties = new ArrayList<>();
        if (type != WebhookType.REFERRAL_RECEIVED) {
            parties.add(referral.sendingOrganizationId);
        }
        if (referral.wasSubmitted() && referral.receivingOrganizationId != null
                && !parties.contains(referral.receivingOrganizationId)) {
            parties.add(referral.receivingOrganizationId);
        }
        for (WebhookSubscription subscription : WebhookSubscription.interestedIn(parties, type, occurredAt)) {
            ObjectNode data = JSON.createObjectNode();
            data.put("referralId", referral.id.toString());
            data.put("status", status);
            if (reasonCode != null) {
                data.put("reasonCode", reasonCode);
            }
            data.put("side", subscription.organizationId.equals(referral.sendingOrganizationId) ? "SENDER" : "RECEIVER");
            owe(subscription, event, type, "referral:" + referral.id, occurredAt, data);
        }
    }

    private Runnable organizationEffect(CloudEvent<JsonNode> event, OrganizationChanged change) {
        return () -> {
            String status = change.status().name();
            WebhookOrganizationStatus known = WebhookOrganizationStatus.findById(change.id());
            if (known == null) {
                WebhookOrganizationStatus first = new WebhookOrganizationStatus();
                first.organizationId = change.id();
                first.status = status;
                first.persist();
                return; // the first state seen is no change
            }
            if (known.status.equals(status)) {
                return;
            }
            String previous = known.status;
            known.status = status;
            Instant occurredAt = occurredAt(event, change.occurredAt());
            WebhookType type = WebhookType.ORGANIZATION_VERIFICATION_CHANGED;
            for (WebhookSubscription subscription : WebhookSubscription.interestedIn(List.of(change.id()), type, occurredAt)) {
                ObjectNode data = JSON.createObjectNode();
                data.put("organizationId", change.id().toString());
                data.put("status", status);
                data.put("previousStatus", previous);
                owe(subscription, event, type, "organization:" + change.id(), occurredAt, data);
            }
        };
    }

    private Runnable campaignEffect(CloudEvent<JsonNode> event, CampaignChanged change) {
        return () -> {
            Instant occurredAt = occurredAt(event, change.occurredAt());
            List<UUID> organizations = new ArrayList<>(List.of(change.organizationId()));
            change.coSponsorIds().stream().filter(id -> !organizations.contains(id)).forEach(organizations::add);
            WebhookType type = WebhookType.CAMPAIGN_CHANGED;
            for (WebhookSubscription subscription : WebhookSubscription.interestedIn(organizations, type, occurredAt)) {
                ObjectNode data = JSON.createObjectNode();
                data.put("campaignId", change.campaignId().toString());
                data.put("status", change.status().name());
                data.put("role", subscription.organizationId.equals(change.organizationId()) ? "RUNNER" : "CO_SPONSOR");
                owe(subscription, event, type, "campaign:" + change.campaignId(), occurredAt, data);
            }
        };
    }

    private Instant occurredAt(CloudEvent<JsonNode> event, Instant occurredAt) {
        Instant when = occurredAt != null ? occurredAt : event.time() != null ? event.time() : clock.instant();
        return when.truncatedTo(ChronoUnit.MILLIS);
    }

    private void owe(WebhookSubscription subscription, CloudEvent<JsonNode> event, WebhookType type, String orderKey,
            Instant occurredAt, ObjectNode data) {
        // Once per event: the inbox applies each event once, in this transaction (and UNIQUE(subscription, message)
        // stands behind it).
        String messageId = event.id().toString();
        ObjectNode payload = JSON.createObjectNode();
        payload.put("type", type.wireName());
        payload.put("timestamp", occurredAt.toString());
        payload.set("data", data);
        WebhookDelivery delivery = new WebhookDelivery();
        delivery.subscriptionId = subscription.id;
        delivery.messageId = messageId;
        delivery.eventType = type.wireName();
        delivery.orderKey = orderKey;
        try {
            delivery.payload = JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        delivery.occurredAt = occurredAt;
        delivery.createdAt = clock.instant();
        delivery.status = WebhookDelivery.Status.PENDING;
        delivery.nextAttemptAt = delivery.createdAt;
        delivery.persist();
    }
}
