package org.mitra.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mitra.events.awareness.CampaignChanged;
import org.mitra.events.directory.OrganizationChanged;
import org.mitra.events.directory.OrganizationDeleted;
import org.mitra.events.referral.ReferralOverdue;
import org.mitra.events.referral.ReferralStatus;

class EventTypesTest {

    @Test
    void everyPublishedTypeFollowsTheNamingRule() {
        assertThat(OrganizationChanged.TYPE).isEqualTo("org.mitra.organization.changed.v1");
        assertThat(OrganizationDeleted.TYPE).isEqualTo("org.mitra.organization.deleted.v1");
        assertThat(ReferralOverdue.TYPE).isEqualTo("org.mitra.referral.overdue.v1");
        assertThat(CampaignChanged.TYPE).isEqualTo("org.mitra.campaign.changed.v1");
        for (ReferralStatus status : ReferralStatus.values()) {
            assertThat(EventTypes.follows(status.eventType())).as(status.eventType()).isTrue();
        }
    }

    @Test
    void refusesTypesOutsideTheRule() {
        assertThat(EventTypes.follows("org.mitra.referral.accepted")).isFalse();
        assertThat(EventTypes.follows("org.mitra.Referral.accepted.v1")).isFalse();
        assertThat(EventTypes.follows("com.example.referral.accepted.v1")).isFalse();
        assertThat(EventTypes.follows("org.mitra.referral.accepted.v0")).isFalse();
        assertThatThrownBy(() -> EventTypes.of("referral", "Accepted", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void topicsAreThePlatformsThreeAndTheDeadLetters() {
        assertThat(Topic.all()).extracting(Topic::name).containsExactly(
                "mitra.directory.organizations", "mitra.referrals.lifecycle", "mitra.awareness.campaigns", "mitra.dead-letters");
        assertThat(Topic.DIRECTORY_ORGANIZATIONS.compacted()).isTrue();
    }
}
