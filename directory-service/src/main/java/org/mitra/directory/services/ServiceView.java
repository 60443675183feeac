package org.mitra.directory.services;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mitra.directory.freshness.Freshness;
import org.mitra.events.Slice;
import org.mitra.events.directory.CapacityStatus;

@Schema(name = "Service", description = "What an organization offers, in one category of one slice")
public record ServiceView(
        UUID id,
        UUID organizationId,
        @Schema(examples = "Pondok Gerasa") String organizationName,
        String name,
        String description,
        @Schema(examples = "rehabilitation") Slice slice,
        @Schema(examples = "shelter-and-safe-housing") String category,
        Integer ageMin,
        Integer ageMax,
        Set<Gender> genders,
        List<String> nationalities,
        List<String> languages,
        String eligibility,
        String cost,
        List<String> regions,
        Set<ExploitationForm> exploitationForms,
        @Schema(description = "Confidential locations appear only for the organization's own staff and coalition admins")
        List<LocationView> locations,
        String frontGateContact,
        String schedule,
        @Schema(description = "A date the organization gave with the details (optional, as it stated it); freshness counts "
                + "from freshness.detailsConfirmedAt, which the directory keeps", examples = "2026-11-01")
        LocalDate lastConfirmed,
        CapacityView capacity,
        @Schema(description = "How current the entry is (FRESH, DUE, OVERDUE, STALE) and why; search ranks OVERDUE, then STALE "
                + "services after the others")
        Freshness freshness,
        Service.Status status,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Changes with every update; send it back in If-Match") long version) {

    @Schema(name = "Location")
    public record LocationView(UUID id, String name, String address, String city, String region, String postalCode,
            Double latitude, Double longitude, boolean confidential) {
    }

    @Schema(name = "CapacityView")
    public record CapacityView(String unit, Integer maximum, Integer available, CapacityStatus status, Instant updated) {
    }

    /** The service as this caller may see it: confidential locations only when {@code seesConfidential}. */
    public static ServiceView of(Service service, boolean seesConfidential, Freshness freshness) {
        List<LocationView> locations = service.locations.stream()
                .filter(location -> seesConfidential || !location.confidential)
                .map(location -> new LocationView(location.id, location.name, location.address, location.city,
                        location.regionCode, location.postalCode, location.latitude, location.longitude, location.confidential))
                .toList();
        Capacity capacity = service.capacity;
        CapacityView capacityView = capacity == null || capacity.status == null && capacity.maximum == null ? null
                : new CapacityView(capacity.unit, capacity.maximum, capacity.available, capacity.status, capacity.updatedAt);
        return new ServiceView(service.id, service.organization.id, service.organization.name, service.name,
                service.description, service.slice, service.category.code, service.ageMin, service.ageMax,
                Set.copyOf(service.genders), List.copyOf(service.nationalities), List.copyOf(service.languages),
                service.eligibility, service.cost, List.copyOf(service.regions), Set.copyOf(service.exploitationForms),
                locations, service.frontGateContact, service.schedule, service.lastConfirmed, capacityView, freshness, service.status,
                service.createdAt, service.updatedAt, service.version);
    }
}
