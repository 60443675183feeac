package org.mitra.referral.referral;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The police report an intervention referral is tied to; never published in events. */
@Schema(name = "LawEnforcementReference")
public record LawEnforcementReference(
        @Schema(examples = "Polda Bali, Direktorat Reskrimum") @NotBlank @Size(max = 200) String agency,
        @Schema(examples = "LP/B/123/V/2026/SPKT") @NotBlank @Size(max = 100) String reportNumber) {
}
