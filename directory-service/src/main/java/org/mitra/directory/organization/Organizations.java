package org.mitra.directory.organization;

import static org.mitra.directory.DirectoryMessages.MESSAGES;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mitra.directory.region.Regions;
import org.mitra.directory.services.Service;
import org.mitra.events.Slice;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import org.mitra.events.directory.OrganizationStatus;
import org.mitra.problems.ProblemText;
import org.mitra.web.Caller;
import org.mitra.web.Roles;
import org.mitra.web.paging.Page;
import org.mitra.web.paging.PageRequest;
import org.mitra.web.etag.EntityTags;
import org.mitra.web.etag.IfMatch;
import org.mitra.web.problem.AccessDeniedException;
import org.mitra.web.problem.ConflictException;
import org.mitra.web.problem.FieldMessage;
import org.mitra.web.problem.InvalidRequestException;
import org.mitra.web.problem.OrganizationNotVerifiedException;
import org.mitra.web.problem.ResourceNotFoundException;

/**
 * Registers organizations, lets each edit its own details, and lets the coalition verify or suspend
 * them. Who may see or change what is decided here, next to the load.
 */
@ApplicationScoped
public class Organizations {
    @Inject
    Caller caller;

    @Inject
    Regions regions;

    @Inject
    OrganizationEvents events;

    Clock clock = Clock.systemUTC();

    @Transactional(Transactional.TxType.MANDATORY)
    public Organization register(OrganizationRequest request) {
        checkReferences(request);
        if (Organization.count("slug", request.slug()) > 0) {
            throw new ConflictException(MESSAGES.text("organization.slug-taken", request.slug()))
                    .with("slug", request.slug());
        }
        Organization organization = new Organization();
        organization.id = UUID.randomUUID();
        organization.createdAt = clock.instant();
        apply(request, organization);
        organization.persist();
        record(organization, "Registered by the coalition");
        events.publishStateOf(organization);
        return organization;
    }

    /** Verified organizations for everyone; coalition admins may ask for any status. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Page<Organization> list(OrganizationStatus status, PageRequest request) {
        OrganizationStatus wanted = caller.hasRole(Roles.COALITION_ADMIN) ? status : OrganizationStatus.VERIFIED;
        PanacheQuery<Organization> query = wanted == null
                ? Organization.findAll(Sort.by("name").and("id"))
                : Organization.find("status", Sort.by("name").and("id"), wanted);
        List<Organization> items = query.page(request.page(), request.size()).list();
        return Page.of(items, request, query.count());
    }

    /** An organization the caller may see: verified ones for everyone, others for the coalition and its own staff. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Organization visible(UUID id) {
        return Organization.<Organization>findByIdOptional(id)
                .filter(this::mayRead)
                .orElseThrow(() -> ResourceNotFoundException.of(MESSAGES.text("noun.organization"), id));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Organization update(UUID id, String ifMatch, OrganizationRequest request) {
        Organization organization = visible(id);
        requireEditor(organization);
        IfMatch.require(ifMatch, EntityTags.of(organization.id, organization.version));
        requireSameDecidedFacts(organization, request);
        checkReferences(request);
        apply(request, organization);
        Organization.getEntityManager().flush();
        events.publishStateOf(organization);
        return organization;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Organization decide(UUID id, String ifMatch, VerificationRequest decision) {
        Organization organization = Organization.<Organization>findByIdOptional(id)
                .orElseThrow(() -> ResourceNotFoundException.of(MESSAGES.text("noun.organization"), id));
        IfMatch.check(ifMatch, EntityTags.of(organization.id, organization.version));
        if (decision.name() != null && decision.name().isBlank()) {
            throw InvalidRequestException.of("name", MESSAGES.text("field.not-blank"));
        }
        if (decision.slug() != null && !decision.slug().equals(organization.slug) && Organization.count("slug", decision.slug()) > 0) {
            throw new ConflictException(MESSAGES.text("organization.slug-taken", decision.slug()))
                    .with("slug", decision.slug());
        }
        organization.status = decision.status();
        organization.statusReason = decision.reason();
        organization.statusChangedAt = clock.instant();
        organization.updatedAt = organization.statusChangedAt;
        if (decision.name() != null) {
            organization.name = decision.name().strip();
        }
        if (decision.slug() != null) {
            organization.slug = decision.slug();
        }
        if (decision.worksWithLawEnforcement() != null) {
            if (organization.worksWithLawEnforcement && !decision.worksWithLawEnforcement()) {
                // Intervention needs law enforcement: its intervention services leave the public directory with it.
                Service.update("status = ?1, updatedAt = ?2, version = version + 1 where organization.id = ?3 and slice = ?4 and status = ?5",
                        Service.Status.INACTIVE, organization.updatedAt, organization.id, Slice.INTERVENTION, Service.Status.ACTIVE);
            }
            organization.worksWithLawEnforcement = decision.worksWithLawEnforcement();
        }
        Organization.getEntityManager().flush();
        record(organization, decision.reason());
        events.publishStateOf(organization);
        return organization;
    }

    /** The coalition's decisions on an organization, newest first (coalition admins). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<OrganizationDecision> decisions(UUID id) {
        Organization organization = Organization.<Organization>findByIdOptional(id)
                .orElseThrow(() -> ResourceNotFoundException.of(MESSAGES.text("noun.organization"), id));
        return OrganizationDecision.list("organizationId = ?1 order by decidedAt desc, id desc", organization.id);
    }

    /**
     * Name, slug and whether it works with law enforcement are the coalition's to decide (a renamed or
     * self-declared law-enforcement partner would receive intervention referrals and rank first in their
     * matches): an edit of the entry must leave them as they are, whoever sends it. They change only by a
     * decision ({@link #decide}), which records who and why.
     */
    private static void requireSameDecidedFacts(Organization organization, OrganizationRequest request) {
        List<String> changed = new ArrayList<>();
        if (!organization.name.equals(request.name().strip())) {
            changed.add("name");
        }
        if (!organization.slug.equals(request.slug())) {
            changed.add("slug");
        }
        if (organization.worksWithLawEnforcement != request.worksWithLawEnforcement()) {
            changed.add("worksWithLawEnforcement");
        }
        if (!changed.isEmpty()) {
            throw new AccessDeniedException(MESSAGES.text("organization.decided-facts", organization.id)).with("fields", changed);
        }
    }

    private void record(Organization organization, String reason) {
        OrganizationDecision decision = new OrganizationDecision();
        decision.organizationId = organization.id;
        decision.decidedAt = clock.instant();
        decision.decidedBy = truncate(caller.username() != null ? caller.username() : "unknown");
        decision.decidedBySubject = caller.subject() == null ? null : truncate(caller.subject());
        decision.status = organization.status;
        decision.reason = reason;
        decision.name = organization.name;
        decision.slug = organization.slug;
        decision.worksWithLawEnforcement = organization.worksWithLawEnforcement;
        decision.persist();
    }

    private static String truncate(String value) {
        return value.length() <= 200 ? value : value.substring(0, 200);
    }

    /** Verified organizations for everyone; any other for coalition admins and its own staff (a suspended one's too). */
    boolean mayRead(Organization organization) {
        return organization.isVerified() || caller.hasRole(Roles.COALITION_ADMIN) || caller.isStaffOf(organization.id);
    }

    /**
     * Who may change an organization's entry and describe its services: a coalition admin, or one of
     * its own admins while it is verified, or while it is pending (to complete its entry before the
     * coalition decides; nothing of a pending organization is public). A suspended organization's
     * admins change nothing: 403 {@code organization-not-verified}.
     */
    public void requireEditor(Organization organization) {
        if (caller.hasRole(Roles.COALITION_ADMIN)) {
            return;
        }
        if (!caller.isAdminOf(organization.id)) {
            throw new AccessDeniedException(MESSAGES.text("organization.change-not-allowed", organization.id));
        }
        if (organization.status != OrganizationStatus.VERIFIED && organization.status != OrganizationStatus.PENDING) {
            throw new OrganizationNotVerifiedException(organization.id, organization.status.name());
        }
    }

    /**
     * Who may act for a verified organization day to day (today's availability): a coalition admin, or
     * its own staff with one of {@code roles} while it is verified; 403 {@code organization-not-verified}
     * for the staff of a pending or suspended one.
     */
    public void requireVerifiedStaff(Organization organization, ProblemText what, String... roles) {
        if (caller.hasRole(Roles.COALITION_ADMIN)) {
            return;
        }
        if (!caller.isStaffOf(organization.id) || java.util.Arrays.stream(roles).noneMatch(caller::hasRole)) {
            throw new AccessDeniedException(MESSAGES.text("organization.staff-only", organization.id, what));
        }
        if (!organization.isVerified()) {
            throw new OrganizationNotVerifiedException(organization.id, organization.status.name());
        }
    }

    /**
     * Whether the caller sees everything of the organization (confidential locations, inactive
     * services): coalition admins, and its own staff (a staff role and the org claim together) unless
     * the organization is suspended, whose staff see what the public sees of its services.
     */
    public boolean seesEverythingOf(UUID organizationId) {
        if (caller.hasRole(Roles.COALITION_ADMIN)) {
            return true;
        }
        if (!caller.isStaffOf(organizationId)) {
            return false;
        }
        return Organization.<Organization>findByIdOptional(organizationId)
                .map(organization -> organization.status != OrganizationStatus.SUSPENDED)
                .orElse(false);
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
        List<FieldMessage> violations = new ArrayList<>();
        List<String> codes = Optional.ofNullable(request.regions()).orElse(List.of());
        for (int i = 0; i < codes.size(); i++) {
            if (regions.find(codes.get(i)).isEmpty()) {
                violations.add(new FieldMessage("regions[" + i + "]", MESSAGES.text("field.region-unknown")));
            }
        }
        if (!violations.isEmpty()) {
            throw InvalidRequestException.of(violations);
        }
    }
}
