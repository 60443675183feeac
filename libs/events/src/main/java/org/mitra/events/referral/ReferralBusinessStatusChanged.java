package org.mitra.events.referral;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;
import org.mitra.events.EventData;
import org.mitra.events.EventTypes;
import org.mitra.events.Slice;

/**
 * An intervention referral's progress through law enforcement and prosecution moved one step
 * ({@code POLICE_NOTIFIED} → {@code REPORT_FILED} → {@code VICTIM_REMOVED} → {@code WITH_PROSECUTOR}
 * → {@code VERDICT}). No reference numbers, agencies or people: ids, categories and the step only.
 *
 * @param previousBusinessStatus null for the first step
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferralBusinessStatusChanged(
        UUID referralId,
        UUID sendingOrganizationId,
        UUID receivingOrganizationId,
        String categoryCode,
        Slice slice,
        String regionCode,
        String businessStatus,
        String previousBusinessStatus,
        Instant occurredAt) implements EventData {

    public static final String TYPE = EventTypes.of("referral", "business-status-changed", 1);

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String eventSubject() {
        return referralId.toString();
    }
}
