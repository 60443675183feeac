package org.mitra.directory.services;

import static org.mitra.directory.DirectoryMessages.MESSAGES;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.mitra.directory.freshness.Freshness;
import org.mitra.directory.freshness.FreshnessRules;
import org.mitra.directory.organization.Organization;
import org.mitra.directory.organization.OrganizationEvents;
import org.mitra.directory.organization.Organizations;
import org.mitra.directory.region.Regions;
import org.mitra.directory.taxonomy.Taxonomy;
import org.mitra.directory.taxonomy.TaxonomyTerm;
import org.mitra.events.Slice;
import org.mitra.web.Roles;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import org.mitra.web.paging.Page;
import org.mitra.web.paging.PageRequest;
import org.mitra.web.etag.EntityTags;
import org.mitra.web.etag.IfMatch;
import org.mitra.web.problem.FieldMessage;
import org.mitra.web.problem.InvalidRequestException;
import org.mitra.web.problem.ResourceNotFoundException;
import org.mitra.web.problem.UnprocessableException;

/**
 * The services organizations offer: an organization's admins describe them, its staff keep the
 * availability current, and every change republishes the organization's state.
 */
@ApplicationScoped
public class ServiceCatalog {
    @Inject
    Organizations organizations;

    @Inject
    OrganizationEvents events;

    @Inject
    Taxonomy taxonomy;

    @Inject
    Regions regions;

    @Inject
    FreshnessRules freshness;

    Clock clock = Clock.systemUTC();

    @Transactional(Transactional.TxType.MANDATORY)
    public Service offer(UUID organizationId, ServiceRequest request) {
        Organization organization = organizations.visible(organizationId);
        organizations.requireEditor(organization);
        TaxonomyTerm category = check(request);
        requireLawEnforcementFor(organization, category);
        Service service = new Service();
        service.id = UUID.randomUUID();
        service.organization = organization;
        service.createdAt = clock.instant();
        apply(request, category, service);
        service.persist();
        touch(organization);
        return service;
    }

    /** A service the caller may see: that of an organization it may see, and active unless it is its own. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Service visible(UUID id) {
        return Service.<Service>findByIdOptional(id)
                .filter(service -> service.status == Service.Status.ACTIVE || seesEverythingOf(service.organization.id))
                .filter(service -> {
                    try {
                        organizations.visible(service.organization.id);
                        return true;
                    } catch (ResourceNotFoundException hidden) {
                        return false;
                    }
                })
                .orElseThrow(() -> ResourceNotFoundException.of(MESSAGES.text("noun.service"), id));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Page<Service> ofOrganization(UUID organizationId, PageRequest request) {
        Organization organization = organizations.visible(organizationId);
        PanacheQuery<Service> query = seesEverythingOf(organizationId)
                ? Service.find("organization.id = ?1", Sort.by("name").and("id"), organization.id)
                : Service.find("organization.id = ?1 and status = ?2", Sort.by("name").and("id"), organization.id,
                        Service.Status.ACTIVE);
        return Page.of(query.page(request.page(), request.size()).list(), request, query.count());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Service update(UUID id, String ifMatch, ServiceRequest request) {
        Service service = visible(id);
        organizations.requireEditor(service.organization);
        IfMatch.require(ifMatch, EntityTags.of(service.id, service.version));
        TaxonomyTerm category = check(request);
        requireLawEnforcementFor(service.organization, category);
        apply(request, category, service);
        Service.getEntityManager().flush();
        touch(service.organization);
        return service;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void withdraw(UUID id, String ifMatch) {
        Service service = visible(id);
        organizations.requireEditor(service.organization);
        IfMatch.check(ifMatch, EntityTags.of(service.id, service.version));
        Organization organization = service.organization;
        service.delete();
        Service.getEntityManager().flush();
        touch(organization);
    }

    /** Today's room, in one call by any of the organization's staff (If-Match honoured when sent). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Service updateAvailability(UUID id, String ifMatch, CapacityRequest availability) {
        Service service = visible(id);
        organizations.requireVerifiedStaff(service.organization, MESSAGES.text("service.update-availability", id),
                Roles.ORG_ADMIN, Roles.CASEWORKER);
        IfMatch.check(ifMatch, EntityTags.of(service.id, service.version));
        Capacity capacity = Optional.ofNullable(service.capacity).orElseGet(Capacity::new);
        Integer maximum = availability.maximum() != null ? availability.maximum() : capacity.maximum;
        checkCapacity("", maximum, availability.available());
        capacity.unit = availability.unit() != null ? availability.unit() : capacity.unit;
        capacity.maximum = maximum;
        capacity.available = availability.available();
        capacity.status = availability.status();
        capacity.updatedAt = clock.instant();
        service.capacity = capacity;
        service.updatedAt = capacity.updatedAt;
        Service.getEntityManager().flush();
        touch(service.organization);
        return service;
    }

    /**
     * "Still accurate": the organization's staff confirm the service's details as they stand, in one call (If-Match
     * honoured when sent), which makes them fresh again. The same people as for today's availability: its admins and
     * caseworkers while it is verified, or a coalition admin; 403 organization-not-verified for a pending or suspended one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Service confirm(UUID id, String ifMatch) {
        Service service = visible(id);
        organizations.requireVerifiedStaff(service.organization, MESSAGES.text("service.confirm-details", id),
                Roles.ORG_ADMIN, Roles.CASEWORKER);
        IfMatch.check(ifMatch, EntityTags.of(service.id, service.version));
        service.detailsConfirmedAt = clock.instant();
        service.updatedAt = service.detailsConfirmedAt;
        Service.getEntityManager().flush();
        touch(service.organization);
        return service;
    }

    /** The service as this caller may see it, with its freshness now. */
    public ServiceView view(Service service, boolean seesConfidential) {
        return ServiceView.of(service, seesConfidential, freshnessOf(service));
    }

    public Freshness freshnessOf(Service service) {
        return freshness.of(service, clock.instant());
    }

    /** The organization's own staff (unless it is suspended) and coalition admins see confidential locations and inactive services. */
    public boolean seesEverythingOf(UUID organizationId) {
        return organizations.seesEverythingOf(organizationId);
    }

    /**
     * Intervention (removing a victim from danger) happens only together with law enforcement: a service in
     * an intervention category needs the organization's worksWithLawEnforcement, which only a coalition
     * decision sets. 422 otherwise, whoever asks.
     */
    private static void requireLawEnforcementFor(Organization organization, TaxonomyTerm category) {
        if (category.slice == Slice.INTERVENTION && !organization.worksWithLawEnforcement) {
            throw new UnprocessableException(MESSAGES.text("service.law-enforcement-needed", organization.id, category.code))
                    .with("category", category.code);
        }
    }

    private void touch(Organization organization) {
        organization.updatedAt = clock.instant();
        events.publishStateOf(organization);
    }

    private TaxonomyTerm check(ServiceRequest request) {
        List<FieldMessage> violations = new ArrayList<>();
        Map<String, TaxonomyTerm> categories = taxonomy.categoriesByCode();
        TaxonomyTerm category = categories.get(request.category());
        if (category == null) {
            violations.add(new FieldMessage("category", MESSAGES.text("field.category-unknown")));
        }
        if (request.slice() != null) {
            Slice slice = Slice.fromCode(request.slice());
            if (slice == null) {
                violations.add(new FieldMessage("slice", MESSAGES.text("field.slice")));
            } else if (category != null && slice != category.slice) {
                violations.add(new FieldMessage("slice", MESSAGES.text("field.slice-of-category", category.code, category.slice.code())));
            }
        }
        List<String> codes = Optional.ofNullable(request.regions()).orElse(List.of());
        for (int i = 0; i < codes.size(); i++) {
            if (regions.find(codes.get(i)).isEmpty()) {
                violations.add(new FieldMessage("regions[" + i + "]", MESSAGES.text("field.region-unknown")));
            }
        }
        List<ServiceRequest.LocationRequest> locations = Optional.ofNullable(request.locations()).orElse(List.of());
        for (int i = 0; i < locations.size(); i++) {
            String region = locations.get(i).region();
            if (region != null && regions.find(region).isEmpty()) {
                violations.add(new FieldMessage("locations[" + i + "].region", MESSAGES.text("field.region-unknown")));
            }
        }
        if (locations.stream().anyMatch(ServiceRequest.LocationRequest::confidential)
                && (request.frontGateContact() == null || request.frontGateContact().isBlank())) {
            violations.add(new FieldMessage("frontGateContact", MESSAGES.text("field.front-gate-contact")));
        }
        if (request.ageMin() != null && request.ageMax() != null && request.ageMin() > request.ageMax()) {
            violations.add(new FieldMessage("ageMax", MESSAGES.text("field.age-max")));
        }
        if (request.capacity() != null) {
            violations.addAll(capacityViolations("capacity.", request.capacity().maximum(), request.capacity().available()));
        }
        if (!violations.isEmpty()) {
            throw InvalidRequestException.of(violations);
        }
        return category;
    }

    private static void checkCapacity(String prefix, Integer maximum, Integer available) {
        List<FieldMessage> violations = capacityViolations(prefix, maximum, available);
        if (!violations.isEmpty()) {
            throw InvalidRequestException.of(violations);
        }
    }

    private static List<FieldMessage> capacityViolations(String prefix, Integer maximum, Integer available) {
        if (maximum != null && available != null && available > maximum) {
            return List.of(new FieldMessage(prefix + "available", MESSAGES.text("field.available-above-maximum", maximum)));
        }
        return List.of();
    }

    private void apply(ServiceRequest request, TaxonomyTerm category, Service service) {
        service.name = request.name().strip();
        service.description = request.description();
        service.slice = category.slice;
        service.category = category;
        service.status = request.status() != null ? request.status() : Service.Status.ACTIVE;
        service.ageMin = request.ageMin();
        service.ageMax = request.ageMax();
        service.eligibility = request.eligibility();
        service.cost = request.cost();
        service.schedule = request.schedule();
        service.lastConfirmed = request.lastConfirmed();
        service.frontGateContact = request.frontGateContact();
        replace(service.genders, request.genders());
        replace(service.nationalities, request.nationalities());
        replace(service.languages, request.languages());
        replace(service.regions, request.regions());
        replace(service.exploitationForms, request.exploitationForms());
        Capacity capacity = new Capacity();
        if (request.capacity() != null) {
            capacity.unit = request.capacity().unit();
            capacity.maximum = request.capacity().maximum();
            capacity.available = request.capacity().available();
            capacity.status = request.capacity().status();
            capacity.updatedAt = clock.instant();
        }
        service.capacity = capacity;
        service.locations.clear();
        List<ServiceRequest.LocationRequest> locations = Optional.ofNullable(request.locations()).orElse(List.of());
        for (int i = 0; i < locations.size(); i++) {
            ServiceRequest.LocationRequest given = locations.get(i);
            ServiceLocation location = new ServiceLocation();
            location.id = UUID.randomUUID();
            location.service = service;
            location.name = given.name();
            location.address = given.address();
            location.city = given.city();
            location.regionCode = given.region();
            location.postalCode = given.postalCode();
            location.latitude = given.latitude();
            location.longitude = given.longitude();
            location.confidential = given.confidential();
            location.position = i;
            service.locations.add(location);
        }
        service.updatedAt = clock.instant();
        // Editing the details confirms them.
        service.detailsConfirmedAt = service.updatedAt;
    }

    private static <T> void replace(java.util.Collection<T> target, java.util.Collection<T> values) {
        target.clear();
        if (values != null) {
            target.addAll(values);
        }
    }
}
