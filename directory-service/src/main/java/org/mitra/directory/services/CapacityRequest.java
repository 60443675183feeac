package org.mitra.directory.services;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mitra.events.directory.CapacityStatus;

/** How much room a service has: the whole capacity, or (for PUT .../availability) just what changed today. */
@Schema(name = "Capacity")
public record CapacityRequest(
        @Schema(description = "What is counted", examples = "beds") @Size(max = 64) String unit,
        @Schema(examples = "12") @Min(0) Integer maximum,
        @Schema(examples = "3") @Min(0) Integer available,
        @Schema(examples = "CAPACITY") @NotNull CapacityStatus status) {
}
