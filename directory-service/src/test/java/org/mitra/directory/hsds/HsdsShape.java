package org.mitra.directory.hsds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The parts of the Open Referral HSDS 3.0 schemas that Mitra's export must honour, written down for
 * the tests: each object's required fields and the types of the fields Mitra sends.
 */
final class HsdsShape {
    private static final Set<String> SERVICE_STATUSES = Set.of("active", "inactive", "defunct", "temporarily closed");
    private static final Set<String> LOCATION_TYPES = Set.of("physical", "postal", "virtual");

    private HsdsShape() {
    }

    static void page(Map<String, Object> page) {
        assertThat(page).containsKeys("total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents");
        assertThat(page.get("total_items")).isInstanceOf(Integer.class);
        assertThat(page.get("total_pages")).isInstanceOf(Integer.class);
        assertThat(page.get("page_number")).isInstanceOf(Integer.class);
        assertThat(page.get("size")).isInstanceOf(Integer.class);
        assertThat(page.get("first_page")).isInstanceOf(Boolean.class);
        assertThat(page.get("last_page")).isInstanceOf(Boolean.class);
        assertThat(page.get("empty")).isInstanceOf(Boolean.class);
        assertThat(page.get("contents")).isInstanceOf(List.class);
    }

    @SuppressWarnings("unchecked")
    static void service(Map<String, Object> service) {
        required(service, "id", "name", "status");
        uuid(service, "id");
        uuid(service, "organization_id");
        assertThat(SERVICE_STATUSES).contains((String) service.get("status"));
        number(service, "minimum_age");
        number(service, "maximum_age");
        dateTime(service, "last_modified");
        if (service.containsKey("organization")) {
            organization((Map<String, Object>) service.get("organization"));
        }
        each(service, "languages", language -> required(language, "id"));
        each(service, "service_areas", area -> required(area, "id"));
        each(service, "schedules", schedule -> required(schedule, "id"));
        each(service, "service_at_locations", HsdsShape::serviceAtLocation);
        each(service, "attributes", attribute -> {
            required(attribute, "id");
            uuid(attribute, "taxonomy_term_id");
            if (attribute.containsKey("taxonomy_term")) {
                taxonomyTerm((Map<String, Object>) attribute.get("taxonomy_term"));
            }
        });
    }

    @SuppressWarnings("unchecked")
    static void organization(Map<String, Object> organization) {
        required(organization, "id", "name", "description");
        uuid(organization, "id");
        assertThat(organization.get("description")).isInstanceOf(String.class);
        each(organization, "phones", phone -> required(phone, "id", "number"));
        each(organization, "services", HsdsShape::service);
    }

    @SuppressWarnings("unchecked")
    static void serviceAtLocation(Map<String, Object> serviceAtLocation) {
        required(serviceAtLocation, "id");
        uuid(serviceAtLocation, "id");
        if (serviceAtLocation.containsKey("location")) {
            Map<String, Object> location = (Map<String, Object>) serviceAtLocation.get("location");
            required(location, "id", "location_type");
            assertThat(LOCATION_TYPES).contains((String) location.get("location_type"));
            number(location, "latitude");
            number(location, "longitude");
            each(location, "addresses", address -> {
                required(address, "id", "address_1", "city", "state_province", "postal_code", "country", "address_type");
                assertThat(LOCATION_TYPES).contains((String) address.get("address_type"));
            });
        }
        if (serviceAtLocation.containsKey("service")) {
            service((Map<String, Object>) serviceAtLocation.get("service"));
        }
    }

    static void taxonomyTerm(Map<String, Object> term) {
        required(term, "id", "name", "description");
        uuid(term, "id");
        uuid(term, "parent_id");
        uuid(term, "taxonomy_id");
    }

    static void taxonomy(Map<String, Object> taxonomy) {
        required(taxonomy, "id", "name", "description");
        uuid(taxonomy, "id");
    }

    private static void required(Map<String, Object> object, String... fields) {
        for (String field : fields) {
            assertThat(object.get(field)).as("required HSDS field %s", field).isNotNull();
        }
    }

    private static void uuid(Map<String, Object> object, String field) {
        if (object.get(field) != null) {
            assertThat(UUID.fromString((String) object.get(field)).toString()).isEqualTo(object.get(field));
        }
    }

    private static void number(Map<String, Object> object, String field) {
        if (object.get(field) != null) {
            assertThat(object.get(field)).as("HSDS number %s", field).isInstanceOf(Number.class);
        }
    }

    private static void dateTime(Map<String, Object> object, String field) {
        if (object.get(field) != null) {
            assertThat(OffsetDateTime.parse((String) object.get(field))).isNotNull();
        }
    }

    @SuppressWarnings("unchecked")
    private static void each(Map<String, Object> object, String field, java.util.function.Consumer<Map<String, Object>> check) {
        if (object.get(field) != null) {
            assertThat(object.get(field)).as("HSDS array %s", field).isInstanceOf(List.class);
            ((List<Map<String, Object>>) object.get(field)).forEach(check);
        }
    }
}
