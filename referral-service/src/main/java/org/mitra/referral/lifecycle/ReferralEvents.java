package org.mitra.referral.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.mitra.events.Topic;
import org.mitra.events.referral.ReferralConsentWithdrawn;
import org.mitra.events.referral.ReferralOverdue;
import org.mitra.outbox.Outbox;
import org.mitra.referral.referral.Referral;

/**
 * The referral's facts for other services, through the outbox: only what a consumer reads (see the payload records in
 * libs/events), never identity, notes, reference numbers, the person's profile or the organizations involved. A step of
 * an intervention's business status (police notified, victim removed) is no event at all: nobody consumes it, and with
 * its region and time it would tell of a rescue.
 */
@ApplicationScoped
public class ReferralEvents {
    @Inject
    Outbox outbox;

    @Transactional(Transactional.TxType.MANDATORY)
    /** Announces a change once the referral was submitted ({@link StatusChange#announced()}); a draft's is no event. */
    public void statusChanged(StatusChange change) {
        if (change.announced()) {
            outbox.publish(Topic.REFERRALS_LIFECYCLE, change.event());
        }
    }

    /** Consent was withdrawn on a referral that had already closed: no cancellation tells its organizations. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void consentWithdrawnAfterClose(Referral referral, Instant at) {
        outbox.publish(Topic.REFERRALS_LIFECYCLE, new ReferralConsentWithdrawn(referral.id, at));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void overdue(Referral referral, Instant at) {
        outbox.publish(Topic.REFERRALS_LIFECYCLE, new ReferralOverdue(referral.id, referral.categoryCode,
                referral.regionCode, referral.requestedAt, at));
    }
}
