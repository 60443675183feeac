package org.mitra.directory.organization;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mitra.events.directory.OrganizationStatus;

@Schema(name = "Organization", description = "A member organization of the coalition")
public record OrganizationView(
        @Schema(examples = "3f7c2a10-5d1e-4c8a-9b21-0d5a1e000003") UUID id,
        @Schema(examples = "pondok-gerasa") String slug,
        @Schema(examples = "Pondok Gerasa") String name,
        String description,
        String website,
        String email,
        String phone,
        List<String> languages,
        List<String> regions,
        Integer yearFounded,
        boolean worksWithLawEnforcement,
        @Schema(examples = "VERIFIED") OrganizationStatus status,
        @Schema(description = "Why the coalition verified or suspended it; shown only to coalition admins and the "
                + "organization's own staff") String statusReason,
        Instant statusChangedAt,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Changes with every update; send it back in If-Match") long version) {

    /**
     * @param mayReadReason whether the caller may read why the coalition decided (coalition admins and the
     *                      organization's own staff): a suspension's reason can name an investigation
     */
    public static OrganizationView of(Organization organization, boolean mayReadReason) {
        return new OrganizationView(organization.id, organization.slug, organization.name, organization.description,
                organization.website, organization.email, organization.phone,
                List.copyOf(organization.languages), List.copyOf(organization.regions), organization.yearFounded,
                organization.worksWithLawEnforcement, organization.status, mayReadReason ? organization.statusReason : null,
                organization.statusChangedAt, organization.createdAt, organization.updatedAt, organization.version);
    }
}
