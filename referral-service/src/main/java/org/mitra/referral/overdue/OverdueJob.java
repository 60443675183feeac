package org.mitra.referral.overdue;

import io.quarkus.panache.common.Parameters;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.mitra.events.referral.ReferralStatus;
import org.mitra.referral.lifecycle.ReferralEvents;
import org.mitra.referral.lifecycle.ReferralWorkflow;
import org.mitra.referral.open.OpenReferrals;
import org.mitra.referral.referral.Referral;

/**
 * Flags referrals left in REQUESTED past their urgency's deadline and announces each once
 * ({@code ReferralOverdue}), so coalition admins can escalate, and closes those still unanswered at their expiry
 * (CANCELLED, reason {@code EXPIRED}), so that their senders hear of it and may forward them: a referral is never
 * silently dropped, nor left waiting for ever.
 */
@ApplicationScoped
public class OverdueJob {
    private static final int BATCH = 500;

    @Inject
    ReferralEvents events;

    @Inject
    ReferralWorkflow workflow;

    @Inject
    OpenReferrals openReferrals;

    /** Milliseconds (libs/web's {@link org.mitra.web.Clocks}). */
    @Inject
    Clock clock;

    @Scheduled(every = "${mitra.referral.overdue.check-every}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        Instant now = clock.instant();
        // Escalation first: an open emergency both escalated and overdue is announced once, as escalated.
        openReferrals.escalate(now);
        flagOverdue(now);
        expire(now);
    }

    /** Flags every REQUESTED referral whose deadline passed before {@code now}; returns how many. */
    @Transactional
    public int flagOverdue(Instant now) {
        // An open referral escalated unclaimed was announced then; an external one waits on its sender, who records the
        // agency's answer by hand: neither is announced (again) here.
        List<Referral> due = Referral.find("status = :requested and overdueAt is null and escalatedAt is null "
                + "and externalAgencyName is null and deadline < :now",
                Parameters.with("requested", ReferralStatus.REQUESTED).and("now", now)).page(0, BATCH).list();
        for (Referral referral : due) {
            referral.overdueAt = now;
            events.overdue(referral, now);
        }
        return due.size();
    }

    /**
     * Closes every REQUESTED referral whose expiry passed before {@code now} (a batch per call), stamped with the time it
     * actually happens; returns how many.
     */
    @Transactional
    public int expire(Instant now) {
        // An external referral is its sender's record of a referral made outside: it never closes on its own.
        List<Referral> expired = Referral.find("status = :requested and externalAgencyName is null and expiresAt < :now",
                Parameters.with("requested", ReferralStatus.REQUESTED).and("now", now)).page(0, BATCH).list();
        for (Referral referral : expired) {
            workflow.expire(referral);
        }
        return expired.size();
    }
}
