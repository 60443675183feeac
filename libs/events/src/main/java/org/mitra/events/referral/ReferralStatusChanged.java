package org.mitra.events.referral;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;
import org.mitra.events.EventData;

/**
 * A referral moved to a new status, on {@code mitra.referrals.lifecycle}. Its type names the new
 * status ({@link ReferralStatus#eventType()}, e.g. {@code org.mitra.referral.accepted.v1}).
 *
 * <p>Only what a consumer reads, and why: the directory counts demand per category and region from these events
 * ({@code directory-service} {@code ReferralDemand}). Nothing about the person (no age band, gender, identity) and
 * not who sent or received it: an event is a copy outside the referral service, kept as long as the topic keeps it,
 * and a shelter receiving a referral is itself a fact that locates a survivor. A field is added here only with the
 * consumer that needs it. Fields dropped from v1 (organizations, slice, urgency, previous status, age band, gender)
 * were never read; consumers ignore unknown fields, so events written before still parse.
 *
 * @param referralId   the event's subject and the consumer's key: one demand row per referral, updated in place
 * @param categoryCode the needed service category, e.g. {@code legal-aid}: demand is counted per category
 * @param regionCode   official code (BPS) of the region, no finer than regency: demand is counted per region
 * @param status       the new status: REQUESTED counts as demand, the others move or end it
 * @param reasonCode   why (reject, cancel, hold, fail), e.g. {@code NO_CAPACITY}, which marks a category strained;
 *                     otherwise null
 * @param occurredAt   when the transition happened: orders the updates and dates the demand
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferralStatusChanged(
        UUID referralId,
        String categoryCode,
        String regionCode,
        ReferralStatus status,
        String reasonCode,
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
