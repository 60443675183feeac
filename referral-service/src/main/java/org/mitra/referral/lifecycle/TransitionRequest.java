package org.mitra.referral.lifecycle;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A step in a referral's lifecycle. Reject, cancel, hold and fail need a reason code; complete needs the services
 * delivered, with their dates, and the outcome for the person.
 */
@Schema(name = "TransitionRequest")
public record TransitionRequest(
        @Schema(description = "submit, accept, reject, start, hold, resume, complete, fail, cancel or mark-entered-in-error",
                examples = "reject") @NotBlank String action,
        @Schema(description = "Why, as a code: NO_CAPACITY, NOT_ELIGIBLE, OUT_OF_AREA, MISSING_DOCUMENTS, "
                + "NO_LONGER_INTERESTED, COULD_NOT_CONTACT, ...", examples = "NO_CAPACITY")
        @Pattern(regexp = "[A-Z][A-Z0-9_]{1,63}", message = "{org.mitra.referral.transition-reason}") String reasonCode,
        @Schema(description = "To complete: the services delivered, each with its dates (this replaces the earlier "
                + "servicesDelivered, a list of codes without dates)")
        @Size(max = 30) List<@NotNull @Valid ServiceDelivery> deliveries,
        @Schema(description = "To complete: what came of it for the person. LOST_CONTACT only after three recorded contact "
                + "attempts that did not reach the person", examples = "GOT_HELP") ServiceOutcome outcome) {
}
