package org.mitra.referral.referral;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mitra.events.Slice;
import org.mitra.events.referral.Urgency;
import org.mitra.referral.identity.Identity;

/**
 * A new referral. The sender is always the caller's own organization (from the token), never a field.
 * With {@code submit: true} it is submitted at once (consent required); otherwise it starts as a DRAFT.
 */
@Schema(name = "ReferralRequest")
public record ReferralRequest(
        @Schema(examples = "3f7c2a10-5d1e-4c8a-9b21-0d5a1e000003") @NotNull UUID receivingOrganizationId,
        @Schema(description = "A service of the receiving organization, if the sender has one in mind")
        UUID receivingServiceId,
        @Schema(examples = "shelter-and-safe-housing") @NotBlank @Size(max = 64)
        @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "{org.mitra.referral.category}") String categoryCode,
        @Schema(description = "Optional; when given it must be the category's slice", examples = "rehabilitation") Slice slice,
        @Schema(description = "Official region code (BPS), no finer than regency", examples = "5171") @NotBlank
        @Pattern(regexp = "[0-9A-Z]{2}[0-9]{0,2}", message = "{org.mitra.referral.region}") String regionCode,
        @Schema(examples = "HIGH") @NotNull Urgency urgency,
        @Schema(description = "A subject your organization referred before, to refer them again")
        UUID subjectId,
        @NotNull @Valid SubjectProfile profile,
        @Valid Identity identity,
        @Valid Consent consent,
        @Schema(description = "For the receiver's staff only; encrypted at rest", examples = "Needs a female caseworker.")
        @Size(max = 4000) String note,
        @Schema(description = "Required for intervention-slice categories") @Valid LawEnforcementReference lawEnforcementReference,
        @Schema(description = "Submit at once (status REQUESTED) instead of creating a DRAFT") boolean submit) {
}
