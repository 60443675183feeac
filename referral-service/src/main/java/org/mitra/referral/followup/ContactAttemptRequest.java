package org.mitra.referral.followup;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An attempt to reach the person: when, how, and whether it reached them. There is deliberately no free text. */
@Schema(name = "ContactAttemptRequest")
public record ContactAttemptRequest(
        @Schema(examples = "2026-05-06T09:15:00Z") @NotNull @PastOrPresent Instant attemptedAt,
        @Schema(examples = "PHONE") @NotNull ContactAttempt.Channel channel,
        @Schema(description = "Whether the attempt reached the person", examples = "false") @NotNull Boolean reached) {
}
