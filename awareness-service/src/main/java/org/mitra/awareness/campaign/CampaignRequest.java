package org.mitra.awareness.campaign;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mitra.awareness.Patterns;

/** What a campaign says and aims for; used to draft one and to replace its details. */
@Schema(name = "CampaignRequest")
public record CampaignRequest(
        @Schema(description = "Stable URL name, unique among campaigns", examples = "child-safe-tourism-bali")
        @NotBlank @Size(min = 2, max = 64) @Pattern(regexp = Patterns.CODE,
                message = "{org.mitra.awareness.code}") String slug,
        @Schema(description = "The owning organization: an org-admin's own (may be left out); a coalition admin names any verified member",
                examples = "3f7c2a10-5d1e-4c8a-9b21-0d5a1e000001") UUID organizationId,
        @Schema(description = "The advocacy category", examples = "tourism-and-business-engagement", defaultValue = "public-awareness",
                enumeration = {"policy-and-law-reform", "public-awareness", "tourism-and-business-engagement",
                        "responsible-recruitment", "coalition-and-research", "survivor-leadership"})
        @Pattern(regexp = Campaigns.CATEGORY, message = "{org.mitra.awareness.category}") String categoryCode,
        @Schema(description = "Content per BCP 47 language; English (en) and Bahasa Indonesia (id) are required")
        @NotNull @Size(max = 10) Map<@Size(max = 35) @Pattern(regexp = Patterns.LANGUAGE, message = "{org.mitra.awareness.language}") String,
                @NotNull @Valid CampaignContent> content,
        @Schema(type = SchemaType.ARRAY, implementation = AudienceSchema.class, examples = "[\"tourists\", \"tourism-businesses\"]")
        @NotEmpty @Size(max = 6) List<@NotNull @Pattern(regexp = Campaigns.AUDIENCE,
                message = "{org.mitra.awareness.audience}") String> audiences,
        @Schema(description = "Official region codes (BPS), e.g. 51 for Bali", examples = "[\"51\"]")
        @NotEmpty @Size(max = 100) List<@NotNull @Pattern(regexp = Patterns.REGION, message = "{org.mitra.awareness.region}") String> regions,
        @Schema(examples = "2026-12-01") @NotNull LocalDate startDate,
        @Schema(examples = "2027-05-31") @NotNull LocalDate endDate,
        @Valid Goals goals,
        @Schema(description = "Verified member organizations co-sponsoring the campaign")
        @Size(max = 20) List<@NotNull UUID> coSponsors,
        @Schema(description = "The commitments a pledger may choose")
        @NotEmpty @Size(max = 30) List<@NotNull @Valid PledgeOptionContent> pledgeOptions) {
}
