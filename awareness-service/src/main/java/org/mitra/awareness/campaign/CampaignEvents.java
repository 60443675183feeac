package org.mitra.awareness.campaign;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.mitra.events.Slice;
import org.mitra.events.Topic;
import org.mitra.events.awareness.CampaignChanged;
import org.mitra.events.awareness.CampaignStatus;
import org.mitra.outbox.Outbox;

/**
 * Publishes a campaign's state with its counts on {@code mitra.awareness.campaigns}, in the
 * transaction of the change: on launch, end or cancellation and when its pledge count changes.
 * Counts only, never a pledger or registrant.
 */
@ApplicationScoped
public class CampaignEvents {
    @Inject
    Outbox outbox;

    @Inject
    EntityManager entityManager;

    Clock clock = Clock.systemUTC();

    @Transactional(Transactional.TxType.MANDATORY)
    public void publishStateOf(Campaign campaign) {
        long pledges = count("SELECT count(*) FROM pledge WHERE campaign_id = :id AND counted", campaign);
        long activities = count("SELECT count(*) FROM activity WHERE campaign_id = :id", campaign);
        long attendance = count("""
                SELECT coalesce(sum(coalesce(a.attendance,
                    (SELECT count(*) FROM registration r WHERE r.activity_id = a.id AND r.status = 'REGISTERED'))), 0)
                FROM activity a WHERE a.campaign_id = :id""", campaign);
        outbox.publish(Topic.AWARENESS_CAMPAIGNS, new CampaignChanged(campaign.id, campaign.organizationId,
                eventStatus(campaign.status), Slice.ADVOCACY, campaign.categoryCode, List.copyOf(campaign.regions),
                (int) activities, (int) pledges, pledges + attendance, clock.instant(),
                campaign.coSponsorAcceptances.keySet().stream().filter(campaign.coSponsors::contains).sorted().toList()));
    }

    static CampaignStatus eventStatus(Campaign.Status status) {
        return switch (status) {
            case DRAFT -> CampaignStatus.DRAFT;
            case ACTIVE -> CampaignStatus.ACTIVE;
            case ENDED -> CampaignStatus.ENDED;
            case CANCELLED -> CampaignStatus.CANCELLED;
        };
    }

    private long count(String sql, Campaign campaign) {
        return ((Number) entityManager.createNativeQuery(sql).setParameter("id", campaign.id).getSingleResult()).longValue();
    }
}
