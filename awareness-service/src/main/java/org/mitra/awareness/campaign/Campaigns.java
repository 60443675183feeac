package org.mitra.awareness.campaign;

import static org.mitra.awareness.AwarenessMessages.MESSAGES;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.mitra.awareness.Patterns;
import org.mitra.web.Roles;
import org.mitra.awareness.directory.DirectoryOrganization;
import org.mitra.awareness.directory.DirectoryReadModel;
import org.mitra.web.Caller;
import org.mitra.web.etag.EntityTags;
import org.mitra.web.etag.IfMatch;
import org.mitra.web.paging.Page;
import org.mitra.web.paging.PageRequest;
import org.mitra.web.problem.AccessDeniedException;
import org.mitra.web.problem.ConflictException;
import org.mitra.web.problem.FieldMessage;
import org.mitra.web.problem.InvalidRequestException;
import org.mitra.web.problem.InvalidTransitionException;
import org.mitra.web.problem.ResourceNotFoundException;

/**
 * Drafts, edits and moves campaigns through their life, and lists them. Who may see or change a campaign, and see
 * the contacts people left with it, is {@link CampaignAccess}'s to decide, asked right after each load.
 */
@ApplicationScoped
public class Campaigns {
    static final String AUDIENCE = "tourists|tourism-businesses|schools|parents|government|general-public";
    static final String CATEGORY = "policy-and-law-reform|public-awareness|tourism-and-business-engagement"
            + "|responsible-recruitment|coalition-and-research|survivor-leadership";
    static final String DEFAULT_CATEGORY = "public-awareness";
    static final Set<String> REQUIRED_LANGUAGES = new LinkedHashSet<>(List.of("en", "id"));

    @Inject
    Caller caller;

    @Inject
    DirectoryReadModel directory;

    @Inject
    CampaignEvents events;

    @Inject
    CampaignAccess access;

    Clock clock = Clock.systemUTC();

    @Transactional(Transactional.TxType.MANDATORY)
    public Campaign draft(CampaignRequest request) {
        UUID owner = access.ownerFor(request.organizationId());
        check(request, Set.of());
        if (Campaign.count("slug", request.slug()) > 0) {
            throw new ConflictException(MESSAGES.text("campaign.slug-taken", request.slug())).with("slug", request.slug());
        }
        Campaign campaign = new Campaign();
        campaign.id = UUID.randomUUID();
        campaign.organizationId = owner;
        campaign.createdAt = clock.instant();
        campaign.status = Campaign.Status.DRAFT;
        campaign.statusChangedAt = campaign.createdAt;
        apply(request, campaign);
        campaign.persist();
        return campaign;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Campaign update(UUID id, String ifMatch, CampaignRequest request) {
        Campaign campaign = visible(id);
        access.requireEditor(campaign);
        IfMatch.require(ifMatch, EntityTags.of(campaign.id, campaign.version));
        if (campaign.status == Campaign.Status.ENDED || campaign.status == Campaign.Status.CANCELLED) {
            throw new ConflictException(MESSAGES.text("campaign.closed-for-changes", id, campaign.status))
                    .with("currentState", campaign.status.name());
        }
        if (request.organizationId() != null && !request.organizationId().equals(campaign.organizationId)) {
            if (!caller.hasRole(Roles.COALITION_ADMIN)) {
                throw new AccessDeniedException(MESSAGES.text("campaign.handover-admin-only"));
            }
            access.requireVerified("organizationId", request.organizationId());
            campaign.organizationId = request.organizationId();
        }
        check(request, campaign.coSponsors);
        if (!campaign.slug.equals(request.slug()) && Campaign.count("slug", request.slug()) > 0) {
            throw new ConflictException(MESSAGES.text("campaign.slug-taken", request.slug())).with("slug", request.slug());
        }
        apply(request, campaign);
        Campaign.getEntityManager().flush();
        if (campaign.status == Campaign.Status.ACTIVE) {
            events.publishStateOf(campaign);
        }
        return campaign;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Campaign transition(UUID id, String ifMatch, TransitionRequest request) {
        Campaign campaign = visible(id);
        access.requireEditor(campaign);
        IfMatch.check(ifMatch, EntityTags.of(campaign.id, campaign.version));
        Campaign.Status next = switch (request.action()) {
            case LAUNCH -> campaign.status == Campaign.Status.DRAFT ? Campaign.Status.ACTIVE : null;
            case END -> campaign.status == Campaign.Status.ACTIVE ? Campaign.Status.ENDED : null;
            case CANCEL -> campaign.status == Campaign.Status.DRAFT || campaign.status == Campaign.Status.ACTIVE
                    ? Campaign.Status.CANCELLED : null;
        };
        if (next == null) {
            throw new InvalidTransitionException(request.action().name(), campaign.status.name(), allowedActions(campaign.status));
        }
        boolean wasPublic = campaign.status.isPublic();
        campaign.status = next;
        campaign.statusReason = request.reason();
        campaign.statusChangedAt = clock.instant();
        campaign.updatedAt = campaign.statusChangedAt;
        Campaign.getEntityManager().flush();
        if (next.isPublic() || wasPublic) {
            events.publishStateOf(campaign);
        }
        return campaign;
    }

    static List<String> allowedActions(Campaign.Status status) {
        return switch (status) {
            case DRAFT -> List.of(TransitionRequest.Action.LAUNCH.name(), TransitionRequest.Action.CANCEL.name());
            case ACTIVE -> List.of(TransitionRequest.Action.END.name(), TransitionRequest.Action.CANCEL.name());
            case ENDED, CANCELLED -> List.of();
        };
    }

    /**
     * A campaign the caller may see, or a 404 that does not tell a draft from nothing. The staff of the campaign's own
     * organizations learn instead that theirs is not verified (they know the campaign exists).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Campaign visible(UUID id) {
        Campaign campaign = Campaign.<Campaign>findByIdOptional(id)
                .orElseThrow(() -> ResourceNotFoundException.of(MESSAGES.text("noun.campaign"), id));
        if (!access.mayRead(campaign)) {
            access.requireVerifiedIfRunner(campaign);
            throw ResourceNotFoundException.of(MESSAGES.text("noun.campaign"), id);
        }
        return campaign;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Page<Campaign> list(Campaign.Status status, String region, String audience, PageRequest page) {
        List<FieldMessage> violations = new ArrayList<>();
        if (region != null && !region.matches(Patterns.REGION)) {
            violations.add(new FieldMessage("region", MESSAGES.text("field.region")));
        }
        if (audience != null && !audience.matches(AUDIENCE)) {
            violations.add(new FieldMessage("audience", MESSAGES.text("field.audience")));
        }
        if (!violations.isEmpty()) {
            throw InvalidRequestException.of(violations);
        }
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (!caller.hasRole(Roles.COALITION_ADMIN)) {
            Optional<UUID> organization = caller.staffOrganization().filter(caller::isVerified);
            if (organization.isPresent()) {
                where.append(" and (c.status in :public or c.organizationId = :own or :own member of c.coSponsors)");
                parameters.and("own", organization.get());
            } else {
                where.append(" and c.status in :public");
            }
            parameters.and("public", EnumSet.of(Campaign.Status.ACTIVE, Campaign.Status.ENDED));
        }
        if (status != null) {
            where.append(" and c.status = :status");
            parameters.and("status", status);
        }
        if (region != null) {
            where.append(" and :region member of c.regions");
            parameters.and("region", region);
        }
        if (audience != null) {
            where.append(" and :audience member of c.audiences");
            parameters.and("audience", audience);
        }
        var query = Campaign.<Campaign>find("select c from Campaign c where " + where + " order by c.startDate desc, c.id",
                parameters);
        long total = Campaign.count("from Campaign c where " + where, parameters);
        return Page.of(query.page(page.page(), page.size()).list(), page, total);
    }

    public String organizationName(UUID organizationId) {
        return directory.find(organizationId).map(organization -> organization.name).orElse(null);
    }

    /**
     * An admin of an invited co-sponsor accepts: from now on its staff see the contacts of people who pledge or
     * register. Accepting again changes nothing (the first acceptance holds).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Campaign acceptCoSponsorship(UUID id) {
        Campaign campaign = visible(id);
        UUID own = caller.verifiedStaffOrganization();
        if (!caller.isAdminOf(own) || !campaign.coSponsors.contains(own)) {
            throw new AccessDeniedException(MESSAGES.text("campaign.co-sponsor-admin-only", id));
        }
        if (campaign.status == Campaign.Status.ENDED || campaign.status == Campaign.Status.CANCELLED) {
            throw new ConflictException(MESSAGES.text("campaign.no-co-sponsors", id, campaign.status))
                    .with("currentState", campaign.status.name());
        }
        if (!campaign.coSponsorAcceptances.containsKey(own)) {
            campaign.coSponsorAcceptances.put(own, clock.instant());
            campaign.updatedAt = clock.instant();
            if (campaign.status.isPublic()) {
                // The co-sponsors are part of the campaign's state: the new one hears of the campaign's changes from now.
                Campaign.getEntityManager().flush();
                events.publishStateOf(campaign);
            }
        }
        return campaign;
    }

    private void check(CampaignRequest request, Set<UUID> existingCoSponsors) {
        List<FieldMessage> violations = new ArrayList<>();
        for (String language : REQUIRED_LANGUAGES) {
            if (!request.content().containsKey(language)) {
                violations.add(new FieldMessage("content." + language, MESSAGES.text("field.content-required")));
            }
        }
        if (request.endDate().isBefore(request.startDate())) {
            violations.add(new FieldMessage("endDate", MESSAGES.text("field.end-before-start")));
        }
        List<UUID> coSponsors = Optional.ofNullable(request.coSponsors()).orElse(List.of());
        for (int i = 0; i < coSponsors.size(); i++) {
            UUID coSponsor = coSponsors.get(i);
            if (existingCoSponsors.contains(coSponsor)) {
                continue; // already accepted; a later suspension does not block unrelated edits
            }
            Optional<DirectoryOrganization> organization = directory.find(coSponsor);
            if (organization.isEmpty() || !organization.get().isVerified()) {
                violations.add(new FieldMessage("coSponsors[" + i + "]", MESSAGES.text("field.not-verified-member")));
            }
        }
        Set<String> codes = new LinkedHashSet<>();
        for (int i = 0; i < request.pledgeOptions().size(); i++) {
            if (!codes.add(request.pledgeOptions().get(i).code())) {
                violations.add(new FieldMessage("pledgeOptions[" + i + "].code", MESSAGES.text("field.option-code-taken")));
            }
        }
        if (!violations.isEmpty()) {
            throw InvalidRequestException.of(violations);
        }
    }

    private void apply(CampaignRequest request, Campaign campaign) {
        campaign.slug = request.slug();
        campaign.categoryCode = request.categoryCode() != null ? request.categoryCode() : DEFAULT_CATEGORY;
        campaign.translations.clear();
        request.content().forEach((language, content) -> campaign.translations.put(language, content.toText()));
        campaign.audiences.clear();
        campaign.audiences.addAll(request.audiences());
        campaign.regions.clear();
        campaign.regions.addAll(request.regions());
        campaign.startDate = request.startDate();
        campaign.endDate = request.endDate();
        Goals goals = request.goals() != null ? request.goals() : new Goals(null, null, null);
        campaign.pledgeGoal = goals.pledges();
        campaign.businessPledgeGoal = goals.businessPledges();
        campaign.attendanceGoal = goals.attendance();
        campaign.coSponsors.clear();
        campaign.coSponsors.addAll(Optional.ofNullable(request.coSponsors()).orElse(List.of()));
        campaign.coSponsors.remove(campaign.organizationId);
        campaign.coSponsorAcceptances.keySet().retainAll(campaign.coSponsors);
        campaign.pledgeOptions.clear();
        request.pledgeOptions().forEach(option -> campaign.pledgeOptions.add(option.toOption()));
        campaign.updatedAt = clock.instant();
    }
}
