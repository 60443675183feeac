package org.mitra.events.awareness;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.mitra.events.EventData;
import org.mitra.events.EventTypes;
import org.mitra.events.Slice;

/**
 * A campaign's state after a change to it, its activities or its pledges, on
 * {@code mitra.awareness.campaigns}. Counts only: no pledger is ever named.
 *
 * @param organizationId the organization running it
 * @param slice          always {@link Slice#ADVOCACY} today; carried so consumers need no taxonomy lookup
 * @param categoryCode   the advocacy category, e.g. {@code public-awareness}
 * @param regionCodes    official codes (BPS) of the regions it runs in
 * @param activityCount  activities recorded so far
 * @param pledgeCount    pledges made so far
 * @param reach          people reached so far, as estimated by the organization
 * @param occurredAt     when the change was made
 * @param coSponsorIds   the co-sponsors that accepted: referral-service's webhooks tell them of the change too (issue
 *                       16); empty in events written before
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CampaignChanged(
        UUID campaignId,
        UUID organizationId,
        CampaignStatus status,
        Slice slice,
        String categoryCode,
        List<String> regionCodes,
        int activityCount,
        int pledgeCount,
        long reach,
        Instant occurredAt,
        List<UUID> coSponsorIds) implements EventData {

    public static final String TYPE = EventTypes.of("campaign", "changed", 1);

    public CampaignChanged {
        regionCodes = regionCodes == null ? List.of() : List.copyOf(regionCodes);
        coSponsorIds = coSponsorIds == null ? List.of() : List.copyOf(coSponsorIds);
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String eventSubject() {
        return campaignId.toString();
    }
}
