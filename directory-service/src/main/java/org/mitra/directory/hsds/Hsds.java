package org.mitra.directory.hsds;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.UUID;

/**
 * The Open Referral HSDS 3.0 objects Mitra exports, with HSDS field names (snake_case) and required
 * fields. Absent optional fields are left out rather than sent as null.
 */
public final class Hsds {
    public static final String VERSION = "3.0";

    private Hsds() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ApiInfo(String version, String profile, String openapiUrl) {
    }

    /** HSDS {@code Page}: 1-based page number, with the page's items under {@code contents}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Page<T>(long totalItems, long totalPages, int pageNumber, int size, boolean firstPage, boolean lastPage,
            boolean empty, List<T> contents) {

        static <T> Page<T> of(List<T> contents, int pageNumber, int perPage, long totalItems) {
            long totalPages = totalItems == 0 ? 0 : (totalItems + perPage - 1) / perPage;
            return new Page<>(totalItems, totalPages, pageNumber, contents.size(), pageNumber == 1,
                    pageNumber >= totalPages, contents.isEmpty(), contents);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Organization(UUID id, String name, String description, String email, String website,
            Integer yearIncorporated, List<Phone> phones, List<Service> services) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Phone(UUID id, UUID organizationId, String number, String type) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Service(UUID id, UUID organizationId, String name, String description, String status,
            String feesDescription, String eligibilityDescription, Integer minimumAge, Integer maximumAge,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(format = "date", examples = "2026-11-20",
                    description = "The UTC day the organization last edited or confirmed the service's details as still accurate")
            String assuredDate,
            String lastModified, Organization organization, List<Language> languages,
            List<ServiceArea> serviceAreas, List<ServiceAtLocation> serviceAtLocations, List<Schedule> schedules,
            List<Attribute> attributes, List<Capacity> capacities) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Language(UUID id, UUID serviceId, String name, String code) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ServiceArea(UUID id, UUID serviceId, String name, String description, String extentType) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Schedule(UUID id, UUID serviceId, String description) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Attribute(UUID id, UUID linkId, UUID taxonomyTermId, String linkType, String linkEntity,
            TaxonomyTerm taxonomyTerm) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TaxonomyTerm(UUID id, String code, String name, String description, UUID parentId, String taxonomy,
            String language, UUID taxonomyId) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Taxonomy(UUID id, String name, String description, String uri, String version) {
    }

    /** HSDS 3.1 {@code service_capacity}, offered ahead of 3.1 as an additional property. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Capacity(UUID id, UUID serviceId, Unit unit, Integer available, Integer maximum, String description,
            String updated) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Unit(UUID id, String name, String scheme, String identifier) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ServiceAtLocation(UUID id, UUID serviceId, UUID locationId, Location location, Service service) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Location(UUID id, String locationType, UUID organizationId, String name, Double latitude,
            Double longitude, List<Address> addresses) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Address(UUID id, UUID locationId, @JsonProperty("address_1") String address1, String city, String region, String stateProvince,
            String postalCode, String country, String addressType) {
    }
}
