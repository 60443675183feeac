package org.mitra.events.referral;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;
import org.mitra.events.EventData;
import org.mitra.events.EventTypes;

/**
 * A referral was left in REQUESTED past its urgency's deadline and was flagged for coalition
 * admins. Published once per referral and deadline. As for {@link ReferralStatusChanged}, only what its consumer
 * (the directory's demand figures: an overdue request marks its category strained) reads; fields dropped from v1
 * (organizations, slice, urgency, deadline) were never read.
 *
 * @param referralId   the event's subject and the demand row it marks
 * @param categoryCode the category whose demand waits
 * @param regionCode   the region (no finer than regency) whose demand waits
 * @param requestedAt  when it was submitted: a demand row first made from this event is dated by it
 * @param occurredAt   when it was flagged
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferralOverdue(
        UUID referralId,
        String categoryCode,
        String regionCode,
        Instant requestedAt,
        Instant occurredAt) implements EventData {

    public static final String TYPE = EventTypes.of("referral", "overdue", 1);

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String eventSubject() {
        return referralId.toString();
    }
}
