package org.mitra.directory.hsds;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.mitra.directory.organization.Organization;
import org.mitra.directory.region.Region;
import org.mitra.directory.services.Service;
import org.mitra.directory.services.ServiceLocation;
import org.mitra.directory.taxonomy.TaxonomyTerm;

/**
 * Maps the directory to HSDS objects. Confidential locations never leave through here: a service
 * with only a confidential location is exported without a location, never with a hidden one.
 */
final class HsdsMapper {
    static final UUID TAXONOMY_ID = derived("mitra-taxonomy");
    static final String TAXONOMY_NAME = "Mitra anti-trafficking taxonomy";

    private final Map<String, Region> regions;
    private final Map<UUID, TaxonomyTerm> terms;

    HsdsMapper(Map<String, Region> regions, Map<UUID, TaxonomyTerm> terms) {
        this.regions = regions;
        this.terms = terms;
    }

    static Hsds.Taxonomy taxonomy() {
        return new Hsds.Taxonomy(TAXONOMY_ID, TAXONOMY_NAME,
                "The four slices of anti-trafficking work (advocacy, prevention, intervention, rehabilitation) and the categories within each",
                null, "1");
    }

    Hsds.TaxonomyTerm term(TaxonomyTerm term) {
        return new Hsds.TaxonomyTerm(term.id, term.code, term.nameEn, term.description != null ? term.description : term.nameEn,
                term.parentId, TAXONOMY_NAME, "en", TAXONOMY_ID);
    }

    Hsds.Organization organization(Organization organization, List<Hsds.Service> services) {
        List<Hsds.Phone> phones = organization.phone == null ? null
                : List.of(new Hsds.Phone(derived(organization.id + "/phone"), organization.id, organization.phone, "voice"));
        return new Hsds.Organization(organization.id, organization.name,
                organization.description != null ? organization.description : "", organization.email, organization.website,
                organization.yearFounded, phones, services);
    }

    /** A service with one-to-one fields only ({@code minimal}), or with everything linked to it. */
    Hsds.Service service(Service service, boolean minimal) {
        if (minimal) {
            return new Hsds.Service(service.id, service.organization.id, service.name, service.description,
                    status(service), service.cost, service.eligibility, service.ageMin, service.ageMax,
                    date(service), service.updatedAt.toString(), null, null, null, null, null, null, null);
        }
        List<Hsds.Language> languages = service.languages.stream()
                .map(code -> new Hsds.Language(derived(service.id + "/language/" + code), service.id,
                        Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH), code))
                .toList();
        List<Hsds.ServiceArea> areas = service.regions.stream()
                .map(code -> new Hsds.ServiceArea(derived(service.id + "/area/" + code), service.id,
                        regions.containsKey(code) ? regions.get(code).name : code, "Region code " + code, null))
                .toList();
        List<Hsds.Schedule> schedules = service.schedule == null ? List.of()
                : List.of(new Hsds.Schedule(derived(service.id + "/schedule"), service.id, service.schedule));
        List<Hsds.Attribute> attributes = new ArrayList<>();
        attributes.add(attribute(service, service.category));
        TaxonomyTerm slice = terms.get(service.category.parentId);
        if (slice != null) {
            attributes.add(attribute(service, slice));
        }
        return new Hsds.Service(service.id, service.organization.id, service.name, service.description, status(service),
                service.cost, service.eligibility, service.ageMin, service.ageMax, date(service),
                service.updatedAt.toString(), organization(service.organization, null), languages, areas,
                publicLocations(service), schedules, attributes, capacities(service));
    }

    List<Hsds.ServiceAtLocation> publicLocations(Service service) {
        return service.locations.stream()
                .filter(location -> !location.confidential)
                .map(location -> serviceAtLocation(service, location, false))
                .toList();
    }

    Hsds.ServiceAtLocation serviceAtLocation(Service service, ServiceLocation location, boolean withService) {
        if (location.confidential) {
            throw new IllegalArgumentException("A confidential location is never exported");
        }
        List<Hsds.Address> addresses = location.address == null ? null : List.of(new Hsds.Address(
                derived(location.id + "/address"), location.id, location.address,
                location.city != null ? location.city : "", region(location.regionCode), province(location.regionCode),
                location.postalCode != null ? location.postalCode : "", country(location.regionCode), "physical"));
        Hsds.Location hsdsLocation = new Hsds.Location(location.id, "physical", service.organization.id, location.name,
                location.latitude, location.longitude, addresses);
        return new Hsds.ServiceAtLocation(location.id, service.id, location.id, hsdsLocation,
                withService ? service(service, true) : null);
    }

    private Hsds.Attribute attribute(Service service, TaxonomyTerm term) {
        return new Hsds.Attribute(derived(service.id + "/attribute/" + term.code), service.id, term.id, "service_category",
                "service", term(term));
    }

    private List<Hsds.Capacity> capacities(Service service) {
        var capacity = service.capacity;
        if (capacity == null || capacity.maximum == null && capacity.available == null) {
            return List.of();
        }
        String unit = capacity.unit != null ? capacity.unit : "places";
        return List.of(new Hsds.Capacity(derived(service.id + "/capacity"), service.id,
                new Hsds.Unit(derived("unit/" + unit), unit, "mitra", unit), capacity.available, capacity.maximum,
                capacity.status != null ? capacity.status.name() : null,
                capacity.updatedAt != null ? capacity.updatedAt.toString() : null));
    }

    private String region(String code) {
        return code == null || !regions.containsKey(code) ? null : regions.get(code).name;
    }

    /** The province (state_province in HSDS) enclosing the region, or the region itself. */
    private String province(String code) {
        Region region = code == null ? null : regions.get(code);
        while (region != null && region.level != Region.Level.PROVINCE && region.parentCode != null) {
            region = regions.get(region.parentCode);
        }
        return region != null && region.level == Region.Level.PROVINCE ? region.name : "";
    }

    private String country(String code) {
        Region region = code == null ? null : regions.get(code);
        while (region != null && region.parentCode != null) {
            region = regions.get(region.parentCode);
        }
        return region != null && region.level == Region.Level.COUNTRY ? region.code : "";
    }

    private static String status(Service service) {
        return service.status == Service.Status.ACTIVE ? "active" : "inactive";
    }

    /**
     * HSDS's assured_date, "the date that the information about the service was last checked": the UTC day the
     * organization last edited or confirmed the details (directory freshness). The date an organization may state with
     * its details (lastConfirmed) is its own claim and not exported; who confirmed (assurer_email) never is.
     */
    private static String date(Service service) {
        return service.detailsConfirmedAt != null
                ? service.detailsConfirmedAt.atZone(java.time.ZoneOffset.UTC).toLocalDate().toString() : null;
    }

    /** Stable ids for objects HSDS names but Mitra keeps as plain values (languages, areas, addresses). */
    static UUID derived(String name) {
        return UUID.nameUUIDFromBytes(("mitra-hsds:" + name).getBytes(StandardCharsets.UTF_8));
    }
}
