package org.mitra.referral.consent;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who withdrew consent and why (a code, no free text about the person). */
@Schema(name = "ConsentWithdrawal")
public record ConsentWithdrawal(
        @Schema(examples = "SUBJECT") @NotNull WithdrawnBy withdrawnBy,
        @Schema(examples = "NO_LONGER_INTERESTED") @NotNull
        @Pattern(regexp = "[A-Z][A-Z0-9_]{1,63}", message = "{org.mitra.referral.withdrawal-reason}") String reasonCode) {

    /** Who asked for the withdrawal. */
    public enum WithdrawnBy { SUBJECT, PARENT_OR_GUARDIAN, LEGAL_REPRESENTATIVE }
}
