package org.mitra.referral.referral;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The person's recorded consent: who gave it, when, what may be shared with which organizations,
 * and whether the person may be contacted at all. No referral is submitted without it.
 */
@Schema(name = "Consent")
public record Consent(
        @Schema(examples = "SUBJECT") @NotNull Giver consentedBy,
        @Schema(examples = "2026-05-04T09:30:00Z") @NotNull @PastOrPresent Instant consentedAt,
        @Schema(description = "What may be shared", examples = "[\"PROFILE\", \"IDENTITY\", \"NOTE\"]")
        @NotEmpty Set<@NotNull Shared> shares,
        @Schema(description = "The organizations it may be shared with; must include the receiver",
                examples = "[\"3f7c2a10-5d1e-4c8a-9b21-0d5a1e000003\"]")
        @NotEmpty @Size(max = 20) List<@NotNull UUID> sharedWith,
        @Schema(description = "Whether the person may be contacted directly") @NotNull Boolean mayContact) {

    /** Who gave consent. */
    public enum Giver { SUBJECT, PARENT_OR_GUARDIAN, LEGAL_REPRESENTATIVE }

    /** What may be shared. */
    public enum Shared { PROFILE, IDENTITY, NOTE }

    public boolean covers(Shared what) {
        return shares.contains(what);
    }
}
