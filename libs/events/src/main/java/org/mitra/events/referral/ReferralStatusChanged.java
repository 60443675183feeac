package org.mitra.events.referral;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;
import org.mitra.events.EventData;
import org.mitra.events.Slice;

/**
 * A referral moved to a new status, on {@code mitra.referrals.lifecycle}. Its type names the new
 * status ({@link ReferralStatus#eventType()}, e.g. {@code org.mitra.referral.accepted.v1}).
 * Metadata only: the subject profile's age band and gender, never identity.
 *
 * @param categoryCode   the needed service category, e.g. {@code legal-aid}
 * @param regionCode     official code (BPS) of the region, no finer than regency
 * @param previousStatus null for the first published status
 * @param reasonCode     why (reject, cancel, hold, fail), e.g. {@code NO_CAPACITY}; otherwise null
 * @param ageBand        e.g. {@code 0-11}, {@code 12-17}, {@code 18-24}, {@code 25-34}, {@code 35-49}, {@code 50+}, {@code unknown}
 * @param gender         e.g. {@code female}, {@code male}, {@code other}, {@code unknown}
 * @param occurredAt     when the transition happened
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferralStatusChanged(
        UUID referralId,
        UUID sendingOrganizationId,
        UUID receivingOrganizationId,
        String categoryCode,
        Slice slice,
        String regionCode,
        Urgency urgency,
        ReferralStatus status,
        ReferralStatus previousStatus,
        String reasonCode,
        String ageBand,
        String gender,
        Instant occurredAt) implements EventData {

    /** True for every type this record is published under. */
    public static boolean isType(String type) {
        for (ReferralStatus status : ReferralStatus.values()) {
            if (status.eventType().equals(type)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String eventType() {
        return status.eventType();
    }

    @Override
    public String eventSubject() {
        return referralId.toString();
    }
}
