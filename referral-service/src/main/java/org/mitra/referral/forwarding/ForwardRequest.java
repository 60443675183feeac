package org.mitra.referral.forwarding;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mitra.referral.referral.ConsentConfirmation;

/** Forward an expired or rejected-for-capacity referral to the next ranked match, or to a match the sender chose. */
@Schema(name = "ForwardRequest")
public record ForwardRequest(
        @Schema(description = "One of the current matches for the referral's category and region that the referral was "
                + "not yet sent to; without it, the first ranked match with room", examples = "3f7c2a10-5d1e-4c8a-9b21-0d5a1e000004")
        UUID receivingOrganizationId,
        @NotNull @Valid ConsentConfirmation consent) {
}
