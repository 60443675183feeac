package org.mitra.referral.external;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mitra.events.referral.Urgency;
import org.mitra.referral.identity.Identity;
import org.mitra.referral.referral.ConsentConfirmation;
import org.mitra.referral.referral.LawEnforcementReference;
import org.mitra.referral.referral.SubjectProfile;

/**
 * A referral the caller's organization made to an agency outside the platform, recorded as REQUESTED: the sender is
 * the caller's own organization, and it records the agency's answers by hand.
 */
@Schema(name = "ExternalReferralRequest")
public record ExternalReferralRequest(
        @NotNull @Valid ExternalAgency agency,
        @Schema(examples = "police-report-and-investigation") @NotBlank @Size(max = 64)
        @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "{org.mitra.referral.category}") String categoryCode,
        @Schema(description = "Official region code (BPS) of the person's need, no finer than regency", examples = "5171")
        @NotBlank @Pattern(regexp = "[0-9A-Z]{2}[0-9]{0,2}", message = "{org.mitra.referral.region}")
        String regionCode,
        @Schema(examples = "HIGH") @NotNull Urgency urgency,
        @Schema(description = "A subject your organization referred before, to refer them again") UUID subjectId,
        @NotNull @Valid SubjectProfile profile,
        @Schema(description = "Stored only in the vault, and only when the consent shares IDENTITY") @Valid Identity identity,
        @Schema(description = "The person's consent to refer them to this agency") @NotNull @Valid ConsentConfirmation consent,
        @Schema(description = "For your organization's staff only; encrypted at rest; only when the consent shares NOTE",
                examples = "Accompanied by our caseworker.") @Size(max = 4000) String note,
        @Schema(description = "The police report, when there is one") @Valid LawEnforcementReference lawEnforcementReference) {
}
