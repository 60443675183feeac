package org.mitra.awareness.reach;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mitra.awareness.campaign.Campaign;
import org.mitra.awareness.campaign.Campaigns;
import org.mitra.awareness.pledge.Criterion;

/** Counts a campaign's pledges, businesses' progress and activity attendance; only counted pledges (one per email). */
@ApplicationScoped
public class Reach {
    @Inject
    Campaigns campaigns;

    @Inject
    EntityManager entityManager;

    @Transactional(Transactional.TxType.MANDATORY)
    public ReachView of(UUID campaignId) {
        Campaign campaign = campaigns.visible(campaignId);
        UUID id = campaign.id;
        String counted = " FROM pledge WHERE campaign_id = :id AND counted";
        Map<String, Long> byKind = grouped("SELECT kind, count(*)" + counted + " GROUP BY kind ORDER BY 2 DESC, 1", id);
        long total = byKind.values().stream().mapToLong(Long::longValue).sum();
        long businesses = byKind.getOrDefault("BUSINESS", 0L);
        ReachView.Pledges pledges = new ReachView.Pledges(total, byKind,
                grouped("SELECT business_type, count(*)" + counted + " AND business_type IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1", id),
                grouped("SELECT country, count(*)" + counted + " GROUP BY 1 ORDER BY 2 DESC, 1", id),
                grouped("SELECT source, count(*)" + counted + " AND source IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1", id),
                grouped("SELECT commitment, count(*)" + counted + " GROUP BY 1 ORDER BY 2 DESC, 1", id),
                grouped("SELECT to_char(date_trunc('month', created_at AT TIME ZONE 'UTC'), 'YYYY-MM'), count(*)" + counted
                        + " GROUP BY 1 ORDER BY 1", id).entrySet().stream()
                        .map(month -> new ReachView.Month(month.getKey(), month.getValue())).toList());

        Map<String, Long> meeting = new LinkedHashMap<>();
        for (Criterion criterion : Criterion.values()) {
            meeting.put(criterion.name(), 0L);
        }
        meeting.putAll(grouped("""
                SELECT c.criterion, count(*) FROM pledge_criterion c JOIN pledge p ON p.id = c.pledge_id
                WHERE p.campaign_id = :id AND p.counted GROUP BY 1""", id));
        long meetingAll = number("""
                SELECT count(*) FROM pledge p WHERE p.campaign_id = :id AND p.counted AND p.kind = 'BUSINESS'
                AND (SELECT count(*) FROM pledge_criterion c WHERE c.pledge_id = p.id) = :all""", id, Criterion.values().length);

        Map<String, Long> activitiesByKind = grouped("SELECT kind, count(*) FROM activity WHERE campaign_id = :id GROUP BY 1 ORDER BY 1", id);
        String registrations = "SELECT count(*) FROM registration r JOIN activity a ON a.id = r.activity_id WHERE a.campaign_id = :id";
        long registered = number(registrations + " AND r.status = 'REGISTERED'", id, null);
        long waitlisted = number(registrations + " AND r.status = 'WAITLISTED'", id, null);
        long attended = number("SELECT coalesce(sum(attendance), 0) FROM activity WHERE campaign_id = :id", id, null);
        long reached = number("""
                SELECT coalesce(sum(coalesce(a.attendance,
                    (SELECT count(*) FROM registration r WHERE r.activity_id = a.id AND r.status = 'REGISTERED'))), 0)
                FROM activity a WHERE a.campaign_id = :id""", id, null);
        ReachView.Activities activities = new ReachView.Activities(
                activitiesByKind.values().stream().mapToLong(Long::longValue).sum(), activitiesByKind,
                registered, waitlisted, attended, reached);

        ReachView.Goals goals = new ReachView.Goals(ReachView.Progress.of(campaign.pledgeGoal, total),
                ReachView.Progress.of(campaign.businessPledgeGoal, businesses),
                ReachView.Progress.of(campaign.attendanceGoal, reached));
        return new ReachView(campaign.id, campaign.status, pledges,
                new ReachView.Businesses(businesses, meeting, meetingAll), activities, goals);
    }

    private Map<String, Long> grouped(String sql, UUID campaignId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(sql).setParameter("id", campaignId).getResultList();
        Map<String, Long> counts = new LinkedHashMap<>();
        rows.forEach(row -> counts.put(String.valueOf(row[0]).strip(), ((Number) row[1]).longValue()));
        return counts;
    }

    private long number(String sql, UUID campaignId, Integer all) {
        var query = entityManager.createNativeQuery(sql).setParameter("id", campaignId);
        if (all != null) {
            query.setParameter("all", all);
        }
        return ((Number) query.getSingleResult()).longValue();
    }
}
