package org.mitra.events.referral;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;
import org.mitra.events.EventData;
import org.mitra.events.EventTypes;

/**
 * The person withdrew consent, and the referral was already closed (completed, failed, rejected, cancelled), so no
 * cancellation announces it: the organizations that took part are told (referral-service's webhook
 * {@code referral.consent-withdrawn}), so the receiver can erase its own copy of the person's data. An open
 * referral's withdrawal is its cancellation (reason {@code CONSENT_WITHDRAWN}) instead. Only the referral's id and
 * when: consumers that need the parties look them up where they are allowed to.
 *
 * @param referralId the event's subject
 * @param occurredAt when consent was withdrawn
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferralConsentWithdrawn(UUID referralId, Instant occurredAt) implements EventData {

    public static final String TYPE = EventTypes.of("referral", "consent-withdrawn", 1);

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String eventSubject() {
        return referralId.toString();
    }
}
