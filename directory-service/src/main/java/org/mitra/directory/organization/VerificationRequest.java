package org.mitra.directory.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mitra.events.directory.OrganizationStatus;

/** The coalition's decision on an organization: verify it, suspend it, or send it back to pending. */
@Schema(name = "VerificationRequest")
public record VerificationRequest(
        @Schema(examples = "VERIFIED") @NotNull OrganizationStatus status,
        @Schema(examples = "Visited on 2026-11-20; registration with the Ministry checked")
        @NotBlank @Size(max = 1000) String reason) {
}
