package org.mitra.awareness.activity;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a registrant gets back once: whether they have a place, and the token to cancel it. */
@Schema(name = "RegistrationReceipt")
public record RegistrationReceipt(
        UUID id,
        UUID activityId,
        Registration.Status status,
        @Schema(description = "Place on the waiting list (1 is next), when waitlisted") Long waitlistPosition,
        @Schema(description = "Secret to cancel the registration; shown only once") String token) {
}
