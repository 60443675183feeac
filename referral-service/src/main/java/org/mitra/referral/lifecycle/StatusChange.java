package org.mitra.referral.lifecycle;

import java.time.Instant;
import java.util.UUID;
import org.mitra.events.referral.ReferralStatus;
import org.mitra.events.referral.ReferralStatusChanged;

/**
 * What one status change did, as the step that made it ({@link org.mitra.referral.referral.Referral#moveTo}) returns
 * it: the history entry and the event are built from this record, so neither can tell another story than the change.
 *
 * @param referralId   the referral moved
 * @param categoryCode the referral's service category, which the event carries
 * @param regionCode   the referral's region, which the event carries
 * @param from         the status before
 * @param to           the status after
 * @param reasonCode   why (reject, cancel, hold, fail), or null
 * @param occurredAt   when: the referral's new {@code updatedAt}
 * @param announced    whether other services hear of it: a draft is the sender's alone, so only the changes of a
 *                     referral once submitted are events
 */
public record StatusChange(UUID referralId, String categoryCode, String regionCode, ReferralStatus from, ReferralStatus to,
        String reasonCode, Instant occurredAt, boolean announced) {

    /** The event on the lifecycle topic: the new status, its reason and time. */
    public ReferralStatusChanged event() {
        return new ReferralStatusChanged(referralId, categoryCode, regionCode, to, reasonCode, occurredAt);
    }
}
