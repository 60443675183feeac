package org.mitra.referral.forwarding;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mitra.referral.referral.Consent;

/**
 * The person's consent confirmed again for the organization a referral is forwarded to. It names no organization: Mitra
 * records it as shared with the one the referral goes to, and with nobody else.
 */
@Schema(name = "ForwardConsent", description = "Consent confirmed again with the person for the next organization: "
        + "recorded as shared with the organization the referral is forwarded to, and only with it")
public record ForwardConsent(
        @Schema(examples = "SUBJECT") @NotNull Consent.Giver consentedBy,
        @Schema(examples = "2026-05-05T10:00:00Z") @NotNull @PastOrPresent Instant consentedAt,
        @Schema(description = "What may be shared with the new receiver; PROFILE always. The sender's note goes along only "
                + "with NOTE, the identity is readable by the new receiver only with IDENTITY",
                examples = "[\"PROFILE\", \"IDENTITY\"]") @NotEmpty Set<Consent.@NotNull Shared> shares,
        @Schema(description = "Whether the person may be contacted directly") @NotNull Boolean mayContact) {

    /** The consent record of the forwarded referral: this confirmation, shared with its receiver alone. */
    public Consent forReceiver(UUID receiver) {
        return new Consent(consentedBy, consentedAt, shares, List.of(receiver), mayContact);
    }
}
