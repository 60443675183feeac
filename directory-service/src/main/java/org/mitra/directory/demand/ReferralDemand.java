package org.mitra.directory.demand;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import org.mitra.events.referral.ReferralOverdue;
import org.mitra.events.referral.ReferralStatus;
import org.mitra.events.referral.ReferralStatusChanged;

/**
 * Keeps the demand figures of the coverage map from the referral lifecycle: one row per referral
 * (ids, category, region and states only), upserted so a replayed event changes nothing.
 */
@ApplicationScoped
public class ReferralDemand {
    static final String NO_CAPACITY = "NO_CAPACITY";

    @Inject
    EntityManager entityManager;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(ReferralStatusChanged change) {
        boolean requested = change.status() == ReferralStatus.REQUESTED;
        boolean rejectedForCapacity = change.status() == ReferralStatus.REJECTED && NO_CAPACITY.equals(change.reasonCode());
        entityManager.createNativeQuery("""
                INSERT INTO referral_demand (referral_id, category_code, region_code, status, requested_at,
                                             rejected_no_capacity, overdue, updated_at)
                VALUES (:id, :category, :region, :status, CASE WHEN :requested THEN CAST(:at AS timestamptz) END, :rejected, false, :at)
                ON CONFLICT (referral_id) DO UPDATE SET
                    category_code = excluded.category_code,
                    region_code = excluded.region_code,
                    status = excluded.status,
                    requested_at = coalesce(referral_demand.requested_at, excluded.requested_at),
                    rejected_no_capacity = referral_demand.rejected_no_capacity OR excluded.rejected_no_capacity,
                    updated_at = excluded.updated_at""")
                .setParameter("id", change.referralId())
                .setParameter("category", change.categoryCode())
                .setParameter("region", change.regionCode())
                .setParameter("status", change.status().name())
                .setParameter("requested", requested)
                .setParameter("rejected", rejectedForCapacity)
                .setParameter("at", Timestamp.from(change.occurredAt()))
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(ReferralOverdue overdue) {
        entityManager.createNativeQuery("""
                INSERT INTO referral_demand (referral_id, category_code, region_code, status, requested_at,
                                             rejected_no_capacity, overdue, updated_at)
                VALUES (:id, :category, :region, 'REQUESTED', :requestedAt, false, true, :at)
                ON CONFLICT (referral_id) DO UPDATE SET overdue = true, updated_at = excluded.updated_at""")
                .setParameter("id", overdue.referralId())
                .setParameter("category", overdue.categoryCode())
                .setParameter("region", overdue.regionCode())
                .setParameter("requestedAt", Timestamp.from(overdue.requestedAt()))
                .setParameter("at", Timestamp.from(overdue.occurredAt()))
                .executeUpdate();
    }
}
