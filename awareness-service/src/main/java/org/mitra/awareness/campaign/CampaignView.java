package org.mitra.awareness.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Campaign", description = "An advocacy campaign")
public record CampaignView(
        @Schema(examples = "9d1c8f40-2a6b-4f0e-8c3d-1b2a3c4d5e6f") UUID id,
        @Schema(examples = "child-safe-tourism-bali") String slug,
        @Schema(examples = "3f7c2a10-5d1e-4c8a-9b21-0d5a1e000001") UUID organizationId,
        @Schema(description = "The owner's name as the directory last published it", examples = "Darkbali") String organizationName,
        @Schema(examples = "tourism-and-business-engagement") String categoryCode,
        @Schema(examples = "ACTIVE") Campaign.Status status,
        Map<String, CampaignContent> content,
        List<String> audiences,
        List<String> regions,
        LocalDate startDate,
        LocalDate endDate,
        Goals goals,
        @Schema(description = "Organizations invited to co-sponsor the campaign") List<UUID> coSponsors,
        @Schema(description = "The co-sponsors that accepted; their staff see the contacts of people who pledged or registered after they accepted")
        List<UUID> acceptedCoSponsors,
        List<PledgeOptionContent> pledgeOptions,
        @Schema(description = "Why it was launched, ended or cancelled") String statusReason,
        Instant statusChangedAt,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Changes with every update; send it back in If-Match") long version) {

    static CampaignView of(Campaign campaign, String organizationName) {
        Map<String, CampaignContent> content = new LinkedHashMap<>();
        campaign.translations.forEach((language, text) -> content.put(language, CampaignContent.of(text)));
        return new CampaignView(campaign.id, campaign.slug, campaign.organizationId, organizationName, campaign.categoryCode,
                campaign.status, content, List.copyOf(campaign.audiences), List.copyOf(campaign.regions),
                campaign.startDate, campaign.endDate,
                new Goals(campaign.pledgeGoal, campaign.businessPledgeGoal, campaign.attendanceGoal),
                List.copyOf(campaign.coSponsors), List.copyOf(campaign.coSponsorAcceptances.keySet()), campaign.pledgeOptions.stream().map(PledgeOptionContent::of).toList(),
                campaign.statusReason, campaign.statusChangedAt, campaign.createdAt, campaign.updatedAt, campaign.version);
    }
}
