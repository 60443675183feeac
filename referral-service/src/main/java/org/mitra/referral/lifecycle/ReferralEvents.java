package org.mitra.referral.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.mitra.events.Topic;
import org.mitra.events.referral.ReferralBusinessStatusChanged;
import org.mitra.events.referral.ReferralOverdue;
import org.mitra.events.referral.ReferralStatus;
import org.mitra.events.referral.ReferralStatusChanged;
import org.mitra.outbox.Outbox;
import org.mitra.referral.referral.Referral;

/** The referral's facts for other services, through the outbox: metadata only, no identity, notes or reference numbers. */
@ApplicationScoped
public class ReferralEvents {
    @Inject
    Outbox outbox;

    @Transactional(Transactional.TxType.MANDATORY)
    public void statusChanged(Referral referral, ReferralStatus previous, String reasonCode, Instant at) {
        outbox.publish(Topic.REFERRALS_LIFECYCLE, new ReferralStatusChanged(referral.id, referral.sendingOrganizationId,
                referral.receivingOrganizationId, referral.categoryCode, referral.slice, referral.regionCode,
                referral.urgency, referral.status, previous, reasonCode, referral.ageBand, referral.gender.eventCode(), at));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void businessStatusChanged(Referral referral, BusinessStatus previous, Instant at) {
        outbox.publish(Topic.REFERRALS_LIFECYCLE, new ReferralBusinessStatusChanged(referral.id,
                referral.sendingOrganizationId, referral.receivingOrganizationId, referral.categoryCode, referral.slice,
                referral.regionCode, referral.businessStatus.name(), previous == null ? null : previous.name(), at));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void overdue(Referral referral, Instant at) {
        outbox.publish(Topic.REFERRALS_LIFECYCLE, new ReferralOverdue(referral.id, referral.sendingOrganizationId,
                referral.receivingOrganizationId, referral.categoryCode, referral.slice, referral.regionCode,
                referral.urgency, referral.requestedAt, referral.deadline, at));
    }
}
