package org.mitra.referral.referral;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The person's consent for the one receiver a request names elsewhere, so it names no organization itself: the
 * organization a referral is forwarded to (confirmed again with the person), or the agency outside the platform a
 * referral is recorded to. Mitra records it as shared with that receiver alone.
 */
@Schema(name = "ConsentConfirmation", description = "The person's consent for the one receiver the request names: the "
        + "organization a referral is forwarded to, or the agency outside the platform; recorded as shared with it alone")
public record ConsentConfirmation(
        @Schema(examples = "SUBJECT") @NotNull Consent.Giver consentedBy,
        @Schema(examples = "2026-05-05T10:00:00Z") @NotNull @PastOrPresent Instant consentedAt,
        @Schema(description = "What may be shared with the receiver; PROFILE always. The sender's note goes along only with "
                + "NOTE, the identity only with IDENTITY",
                examples = "[\"PROFILE\", \"IDENTITY\"]") @NotEmpty Set<Consent.@NotNull Shared> shares,
        @Schema(description = "Whether the person may be contacted directly") @NotNull Boolean mayContact) {

    /** The consent record of a referral to an organization: this confirmation, shared with it alone. */
    public Consent forReceiver(UUID receiver) {
        return new Consent(consentedBy, consentedAt, shares, List.of(receiver), mayContact);
    }

    /** The consent record of a referral to an agency outside the platform: shared with no organization of it. */
    public Consent forExternalAgency() {
        return new Consent(consentedBy, consentedAt, shares, List.of(), mayContact);
    }
}
