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
import org.mitra.referral.referral.Referral;

/**
 * Flags referrals left in REQUESTED past their urgency's deadline and announces each once
 * ({@code ReferralOverdue}), so coalition admins can escalate: a referral is never silently dropped.
 */
@ApplicationScoped
public class OverdueJob {
    private static final int BATCH = 500;

    @Inject
    ReferralEvents events;

    /** Milliseconds (libs/web's {@link org.mitra.web.Clocks}). */
    @Inject
    Clock clock;

    @Scheduled(every = "${mitra.referral.overdue.check-every}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        flagOverdue(clock.instant());
    }

    /** Flags every REQUESTED referral whose deadline passed before {@code now}; returns how many. */
    @Transactional
    public int flagOverdue(Instant now) {
        List<Referral> due = Referral.find("status = :requested and overdueAt is null and deadline < :now",
                Parameters.with("requested", ReferralStatus.REQUESTED).and("now", now)).page(0, BATCH).list();
        for (Referral referral : due) {
            referral.overdueAt = now;
            events.overdue(referral, now);
        }
        return due.size();
    }
}
