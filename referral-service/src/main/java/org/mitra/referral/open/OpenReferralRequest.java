package org.mitra.referral.open;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mitra.referral.identity.Identity;
import org.mitra.referral.referral.ConsentConfirmation;
import org.mitra.referral.referral.LawEnforcementReference;
import org.mitra.referral.referral.SubjectProfile;

/**
 * An EMERGENCY referral sent open: offered to every verified organization offering the category in the region (or its
 * province) that reports room, none named. Submitted at once; the person's consent names "a verified coalition member
 * providing this category in this region", and becomes the claimer's alone once one claims it.
 */
@Schema(name = "OpenReferralRequest")
public record OpenReferralRequest(
        @Schema(examples = "shelter-and-safe-housing") @NotBlank @Size(max = 64)
        @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "{org.mitra.referral.category}") String categoryCode,
        @Schema(description = "Official region code (BPS), no finer than regency", examples = "5171") @NotBlank
        @Pattern(regexp = "[0-9A-Z]{2}[0-9]{0,2}", message = "{org.mitra.referral.region}") String regionCode,
        @Schema(description = "A subject your organization referred before, to refer them again") UUID subjectId,
        @NotNull @Valid SubjectProfile profile,
        @Valid Identity identity,
        @Schema(description = "The person's consent to share with a verified coalition member providing this category in "
                + "this region (whichever claims it)") @NotNull @Valid ConsentConfirmation consent,
        @Schema(description = "For the claimer's staff only, once it claimed; encrypted at rest; only with NOTE",
                examples = "Arrives with one small bag; needs night-time intake.") @Size(max = 4000) String note,
        @Schema(description = "Required for intervention-slice categories") @Valid LawEnforcementReference lawEnforcementReference) {
}
