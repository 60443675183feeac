package org.mitra.referral.followup;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The receiver's follow-up with the person: the day it is due, and the day it was done once it was. */
@Schema(name = "FollowUpRequest")
public record FollowUpRequest(
        @Schema(description = "The day the receiver means to follow up (the coalition's time zone)", examples = "2026-06-15")
        @NotNull LocalDate dueOn,
        @Schema(description = "The day it was done, not after today (the coalition's time zone); leave it out while it is "
                + "owed", examples = "2026-06-14") LocalDate doneOn) {
}
