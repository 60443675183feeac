package org.mitra.awareness.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mitra.events.awareness.CampaignStatus;

class CampaignLifecycleTest {

    @Test
    void onlyDraftsAndActiveCampaignsMoveOn() {
        assertThat(Campaigns.allowedActions(Campaign.Status.DRAFT)).containsExactly("LAUNCH", "CANCEL");
        assertThat(Campaigns.allowedActions(Campaign.Status.ACTIVE)).containsExactly("END", "CANCEL");
        assertThat(Campaigns.allowedActions(Campaign.Status.ENDED)).isEmpty();
        assertThat(Campaigns.allowedActions(Campaign.Status.CANCELLED)).isEmpty();
    }

    @Test
    void onlyActiveAndEndedCampaignsArePublic() {
        assertThat(Campaign.Status.ACTIVE.isPublic()).isTrue();
        assertThat(Campaign.Status.ENDED.isPublic()).isTrue();
        assertThat(Campaign.Status.DRAFT.isPublic()).isFalse();
        assertThat(Campaign.Status.CANCELLED.isPublic()).isFalse();
    }

    @Test
    void aCancelledCampaignIsPublishedAsCancelledNotEnded() {
        assertThat(CampaignEvents.eventStatus(Campaign.Status.CANCELLED)).isEqualTo(CampaignStatus.CANCELLED);
        assertThat(CampaignEvents.eventStatus(Campaign.Status.ENDED)).isEqualTo(CampaignStatus.ENDED);
        assertThat(CampaignEvents.eventStatus(Campaign.Status.ACTIVE)).isEqualTo(CampaignStatus.ACTIVE);
    }
}
