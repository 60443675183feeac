package org.mitra.awareness.campaign;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a campaign aims for; each figure is optional. */
@Schema(name = "Goals")
public record Goals(
        @Schema(description = "Pledges wanted (people and businesses)", examples = "500") @Min(1) @Max(100_000_000) Integer pledges,
        @Schema(description = "Business pledges wanted", examples = "50") @Min(1) @Max(100_000_000) Integer businessPledges,
        @Schema(description = "People wanted at the campaign's activities", examples = "200") @Min(1) @Max(100_000_000) Integer attendance) {
}
