package org.mitra.events.directory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.mitra.events.EventData;
import org.mitra.events.EventTypes;
import org.mitra.events.Slice;

/**
 * The full public state of an organization after any change to it or its services, on the
 * compacted topic {@code mitra.directory.organizations}: the latest event per organization is all
 * a consumer needs to rebuild its read model. Public facts only: no people, no confidential locations.
 *
 * @param id                       the organization's directory id (also subject and Kafka key)
 * @param slug                     its stable URL name
 * @param name                     the organization's public name
 * @param status                   PENDING, VERIFIED or SUSPENDED
 * @param worksWithLawEnforcement  whether it may receive intervention-slice referrals
 * @param regionCodes              official codes (BPS) of the regions it serves
 * @param languages                BCP 47 codes of the languages it works in
 * @param services                 every service it offers, with capacity
 * @param occurredAt               when the change was made
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrganizationChanged(
        UUID id,
        String slug,
        String name,
        OrganizationStatus status,
        boolean worksWithLawEnforcement,
        List<String> regionCodes,
        List<String> languages,
        List<Service> services,
        Instant occurredAt) implements EventData {

    public static final String TYPE = EventTypes.of("organization", "changed", 1);

    public OrganizationChanged {
        regionCodes = regionCodes == null ? List.of() : List.copyOf(regionCodes);
        languages = languages == null ? List.of() : List.copyOf(languages);
        services = services == null ? List.of() : List.copyOf(services);
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String eventSubject() {
        return id.toString();
    }

    /**
     * One service of the organization (a domain noun here, as in Open Referral).
     *
     * @param categoryCode taxonomy code, e.g. {@code shelter-and-safe-housing}
     * @param regionCodes  regions this service covers (may be narrower than the organization's)
     * @param capacity     current capacity, or null when the organization does not publish one
     * @param ageMin       youngest age served, null when open
     * @param ageMax       oldest age served, null when open
     * @param genders      genders served (FEMALE, MALE, OTHER); empty means everyone
     * @param languages    BCP 47 codes of the languages the service works in
     * @param detailsConfirmedAt when the organization last edited or confirmed the service's details ("still
     *                     accurate"); null from a publisher before it was added. With {@code capacity.updated}, what
     *                     the directory's freshness (FRESH, DUE, OVERDUE, STALE) is computed from
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Service(
            UUID id,
            String name,
            Slice slice,
            String categoryCode,
            List<String> regionCodes,
            Capacity capacity,
            Integer ageMin,
            Integer ageMax,
            List<String> genders,
            List<String> languages,
            Instant detailsConfirmedAt) {

        public Service {
            regionCodes = regionCodes == null ? List.of() : List.copyOf(regionCodes);
            genders = genders == null ? List.of() : List.copyOf(genders);
            languages = languages == null ? List.of() : List.copyOf(languages);
        }

        /** The v1 shape before eligibility was added: no age range, genders or languages. */
        public Service(UUID id, String name, Slice slice, String categoryCode, List<String> regionCodes, Capacity capacity) {
            this(id, name, slice, categoryCode, regionCodes, capacity, null, null, List.of(), List.of(), null);
        }

        /** The v1 shape before the details' confirmation time was added. */
        public Service(UUID id, String name, Slice slice, String categoryCode, List<String> regionCodes, Capacity capacity,
                Integer ageMin, Integer ageMax, List<String> genders, List<String> languages) {
            this(id, name, slice, categoryCode, regionCodes, capacity, ageMin, ageMax, genders, languages, null);
        }
    }

    /**
     * A service's capacity, after Open Referral's draft {@code service_capacity}.
     *
     * @param unit      what is counted, e.g. {@code beds}, {@code places}, {@code sessions per week}
     * @param maximum   the most it can take, when known
     * @param available what is free now, when known
     * @param updated   when the organization last confirmed these numbers
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Capacity(
            String unit,
            Integer maximum,
            Integer available,
            CapacityStatus status,
            Instant updated) {
    }
}
