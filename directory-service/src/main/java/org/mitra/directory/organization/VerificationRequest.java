package org.mitra.directory.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mitra.events.directory.OrganizationStatus;

/**
 * The coalition's decision on an organization: verify it, suspend it, or send it back to pending, and
 * optionally change what only the coalition may change (name, slug, works with law enforcement).
 */
@Schema(name = "VerificationRequest")
public record VerificationRequest(
        @Schema(examples = "VERIFIED") @NotNull OrganizationStatus status,
        @Schema(examples = "Visited on 2026-11-20; registration with the Ministry checked")
        @NotBlank @Size(max = 1000) String reason,
        @Schema(description = "A new name, decided by the coalition; unchanged when absent", examples = "Pondok Gerasa")
        @Size(min = 1, max = 200) String name,
        @Schema(description = "A new slug, decided by the coalition; unchanged when absent", examples = "pondok-gerasa")
        @Size(min = 2, max = 64) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*",
                message = "{org.mitra.directory.slug}") String slug,
        @Schema(description = "Whether the coalition recognises that it works with law enforcement (so it may offer "
                + "intervention services and receive intervention referrals); unchanged when absent")
        Boolean worksWithLawEnforcement) {

    public VerificationRequest(OrganizationStatus status, String reason) {
        this(status, reason, null, null, null);
    }
}
