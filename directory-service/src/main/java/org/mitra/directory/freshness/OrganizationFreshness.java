package org.mitra.directory.freshness;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A verified organization and those of its active services that are due, overdue or stale, oldest confirmation first. */
@Schema(name = "OrganizationFreshness")
public record OrganizationFreshness(
        UUID organizationId,
        @Schema(examples = "Pondok Gerasa") String organizationName,
        @Schema(description = "The worst status among its services listed", examples = "STALE") FreshnessStatus status,
        List<ServiceFreshness> services) {

    public OrganizationFreshness {
        services = List.copyOf(services);
    }

    @Schema(name = "ServiceFreshness")
    public record ServiceFreshness(
            UUID serviceId,
            @Schema(examples = "Safe house for women and girls") String name,
            @Schema(examples = "shelter-and-safe-housing") String category,
            Freshness freshness) {
    }
}
