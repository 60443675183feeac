package org.mitra.referral.lifecycle;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One service a completed referral delivered, with its dates: days in the coalition's time zone, which is also where
 * "not after today" is counted (so not a Bean Validation constraint, which would count in the server's zone).
 */
@Schema(name = "ServiceDelivery")
public record ServiceDelivery(
        @Schema(description = "The service, as a taxonomy code", examples = "shelter-and-safe-housing") @NotBlank
        @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "{org.mitra.referral.category}") String categoryCode,
        @Schema(description = "The day it was delivered, or began; not after today", examples = "2026-05-06") @NotNull
        LocalDate deliveredOn,
        @Schema(description = "The last day, for a service given over a time (a shelter stay); not after today",
                examples = "2026-06-20") LocalDate deliveredUntil) {
}
