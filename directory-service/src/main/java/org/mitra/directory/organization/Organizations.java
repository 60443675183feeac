package org.mitra.directory.organization;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mitra.directory.region.Regions;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import org.mitra.events.directory.OrganizationStatus;
import org.mitra.web.Caller;
import org.mitra.web.paging.Page;
import org.mitra.web.paging.PageRequest;
import org.mitra.web.etag.EntityTags;
import org.mitra.web.etag.IfMatch;
import org.mitra.web.problem.AccessDeniedException;
import org.mitra.web.problem.ConflictException;
import org.mitra.web.problem.FieldViolation;
import org.mitra.web.problem.InvalidRequestException;
import org.mitra.web.problem.ResourceNotFoundException;

/**
 * Registers organizations, lets each edit its own details, and lets the coalition verify or suspend
 * them. Who may see or change what is decided here, next to the load.
 */
@ApplicationScoped
public class Organizations {
    public static final String COALITION_ADMIN = "coalition-admin";
    public static final String ORG_ADMIN = "org-admin";

    @Inject
    Caller caller;

    @Inject
    Regions regions;

    @Inject
    OrganizationEvents events;

    Clock clock = Clock.systemUTC();

    @Transactional
    public Organization register(OrganizationRequest request) {
        checkReferences(request);
        if (Organization.count("slug", request.slug()) > 0) {
            throw new ConflictException("The slug " + request.slug() + " is taken by another organization")
                    .with("slug", request.slug());
        }
        Organization organization = new Organization();
        organization.id = UUID.randomUUID();
        organization.createdAt = clock.instant();
        apply(request, organization);
        organization.persist();
        events.publishStateOf(organization);
        return organization;
    }

    /** Verified organizations for everyone; coalition admins may ask for any status. */
    @Transactional
    public Page<Organization> list(OrganizationStatus status, PageRequest request) {
        OrganizationStatus wanted = caller.hasRole(COALITION_ADMIN) ? status : OrganizationStatus.VERIFIED;
        PanacheQuery<Organization> query = wanted == null
                ? Organization.findAll(Sort.by("name").and("id"))
                : Organization.find("status", Sort.by("name").and("id"), wanted);
        List<Organization> items = query.page(request.page(), request.size()).list();
        return Page.of(items, request, query.count());
    }

    /** An organization the caller may see: verified ones for everyone, others for the coalition and its own staff. */
    @Transactional
    public Organization visible(UUID id) {
        return Organization.<Organization>findByIdOptional(id)
                .filter(this::mayRead)
                .orElseThrow(() -> ResourceNotFoundException.of("Organization", id));
    }

    @Transactional
    public Organization update(UUID id, String ifMatch, OrganizationRequest request) {
        Organization organization = visible(id);
        requireEditor(organization);
        IfMatch.require(ifMatch, EntityTags.of(organization.id, organization.version));
        checkReferences(request);
        if (!organization.slug.equals(request.slug()) && Organization.count("slug", request.slug()) > 0) {
            throw new ConflictException("The slug " + request.slug() + " is taken by another organization")
                    .with("slug", request.slug());
        }
        apply(request, organization);
        Organization.getEntityManager().flush();
        events.publishStateOf(organization);
        return organization;
    }

    @Transactional
    public Organization decide(UUID id, String ifMatch, VerificationRequest decision) {
        Organization organization = Organization.<Organization>findByIdOptional(id)
                .orElseThrow(() -> ResourceNotFoundException.of("Organization", id));
        IfMatch.check(ifMatch, EntityTags.of(organization.id, organization.version));
        organization.status = decision.status();
        organization.statusReason = decision.reason();
        organization.statusChangedAt = clock.instant();
        organization.updatedAt = organization.statusChangedAt;
        Organization.getEntityManager().flush();
        events.publishStateOf(organization);
        return organization;
    }

    boolean mayRead(Organization organization) {
        return organization.isVerified() || caller.hasRole(COALITION_ADMIN) || isOwnStaff(organization.id);
    }

    /** The coalition's admins and the organization's own admins may change it; nobody else. */
    public void requireEditor(Organization organization) {
        if (!caller.hasRole(COALITION_ADMIN) && !(caller.hasRole(ORG_ADMIN) && isOwnStaff(organization.id))) {
            throw new AccessDeniedException("Only the organization's own admins or a coalition admin may change organization "
                    + organization.id);
        }
    }

    public boolean isOwnStaff(UUID organizationId) {
        return caller.organization().map(organizationId::equals).orElse(false);
    }

    private void apply(OrganizationRequest request, Organization organization) {
        organization.name = request.name().strip();
        organization.slug = request.slug();
        organization.description = request.description();
        organization.website = request.website();
        organization.email = request.email();
        organization.phone = request.phone();
        organization.yearFounded = request.yearFounded();
        organization.worksWithLawEnforcement = request.worksWithLawEnforcement();
        organization.languages.clear();
        organization.languages.addAll(Optional.ofNullable(request.languages()).orElse(List.of()));
        organization.regions.clear();
        organization.regions.addAll(Optional.ofNullable(request.regions()).orElse(List.of()));
        organization.updatedAt = clock.instant();
    }

    private void checkReferences(OrganizationRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        List<String> codes = Optional.ofNullable(request.regions()).orElse(List.of());
        for (int i = 0; i < codes.size(); i++) {
            if (regions.find(codes.get(i)).isEmpty()) {
                violations.add(new FieldViolation("regions[" + i + "]", "is not a known region code"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
    }
}
