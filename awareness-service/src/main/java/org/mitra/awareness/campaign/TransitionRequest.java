package org.mitra.awareness.campaign;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Moves a campaign on: launch a draft, end an active one, or cancel either. */
@Schema(name = "CampaignTransition")
public record TransitionRequest(
        @Schema(examples = "LAUNCH") @NotNull Action action,
        @Schema(examples = "Materials ready and partners briefed") @Size(max = 1000) String reason) {

    public enum Action {
        LAUNCH, END, CANCEL
    }
}
