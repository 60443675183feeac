package org.mitra.events.referral;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;
import org.mitra.events.EventData;
import org.mitra.events.EventTypes;
import org.mitra.events.Slice;

/**
 * A referral was left in REQUESTED past its urgency's deadline and was flagged for coalition
 * admins. Published once per referral and deadline.
 *
 * @param requestedAt when it was submitted
 * @param deadline    when the receiver should have answered
 * @param occurredAt  when it was flagged
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferralOverdue(
        UUID referralId,
        UUID sendingOrganizationId,
        UUID receivingOrganizationId,
        String categoryCode,
        Slice slice,
        String regionCode,
        Urgency urgency,
        Instant requestedAt,
        Instant deadline,
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
