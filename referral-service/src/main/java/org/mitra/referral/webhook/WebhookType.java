package org.mitra.referral.webhook;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;
import org.mitra.events.referral.ReferralStatus;

/**
 * What a subscription may ask to be told, as the {@code type} of a Standard Webhooks payload. Each is delivered only
 * to the organizations it concerns: a referral's types to its sending and (once submitted) receiving organization, an
 * organization's verification to that organization, a campaign's change to the organization running it and its
 * co-sponsors that accepted.
 */
public enum WebhookType {
    /** A referral was submitted to the subscriber's organization. */
    REFERRAL_RECEIVED("referral.received"),
    REFERRAL_ACCEPTED("referral.accepted"),
    REFERRAL_REJECTED("referral.rejected"),
    REFERRAL_IN_PROGRESS("referral.in-progress"),
    REFERRAL_ON_HOLD("referral.on-hold"),
    REFERRAL_COMPLETED("referral.completed"),
    REFERRAL_FAILED("referral.failed"),
    REFERRAL_CANCELLED("referral.cancelled"),
    REFERRAL_ENTERED_IN_ERROR("referral.entered-in-error"),
    /**
     * Consent was withdrawn: an open referral is cancelled for it (status CANCELLED), a closed one keeps its status and
     * its organizations are told all the same, so the receiver can erase its copy of the person's data. Subscriptions
     * to {@code referral.cancelled} get it too.
     */
    REFERRAL_CONSENT_WITHDRAWN("referral.consent-withdrawn"),
    /** The coalition verified, suspended or otherwise changed the standing of the subscriber's organization. */
    ORGANIZATION_VERIFICATION_CHANGED("organization.verification-changed"),
    /** A campaign the subscriber's organization runs or co-sponsors (accepted) changed: its status or its counts. */
    CAMPAIGN_CHANGED("campaign.changed");

    private final String wireName;

    WebhookType(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static WebhookType of(String wireName) {
        return parse(wireName).orElseThrow(() -> new IllegalArgumentException("Unknown webhook type " + wireName));
    }

    public static Optional<WebhookType> parse(String wireName) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(wireName)).findFirst();
    }

    /** The type announcing a referral's new status; none for a draft. */
    public static Optional<WebhookType> ofReferral(ReferralStatus status, String reasonCode) {
        return switch (status) {
            case DRAFT -> Optional.empty();
            case REQUESTED -> Optional.of(REFERRAL_RECEIVED);
            case ACCEPTED -> Optional.of(REFERRAL_ACCEPTED);
            case REJECTED -> Optional.of(REFERRAL_REJECTED);
            case IN_PROGRESS -> Optional.of(REFERRAL_IN_PROGRESS);
            case ON_HOLD -> Optional.of(REFERRAL_ON_HOLD);
            case COMPLETED -> Optional.of(REFERRAL_COMPLETED);
            case FAILED -> Optional.of(REFERRAL_FAILED);
            case CANCELLED -> Optional.of("CONSENT_WITHDRAWN".equals(reasonCode) ? REFERRAL_CONSENT_WITHDRAWN : REFERRAL_CANCELLED);
            case ENTERED_IN_ERROR -> Optional.of(REFERRAL_ENTERED_IN_ERROR);
        };
    }

    /** Whether a subscription to {@code subscribed} receives deliveries of this type. */
    public boolean coveredBy(WebhookType subscribed) {
        return subscribed == this || (this == REFERRAL_CONSENT_WITHDRAWN && subscribed == REFERRAL_CANCELLED);
    }

    @Override
    public String toString() {
        return wireName;
    }
}
