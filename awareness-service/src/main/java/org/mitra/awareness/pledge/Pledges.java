package org.mitra.awareness.pledge;

import static org.mitra.awareness.AwarenessMessages.MESSAGES;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.mitra.awareness.SecretTokens;
import org.mitra.awareness.campaign.Campaign;
import org.mitra.awareness.campaign.CampaignEvents;
import org.mitra.awareness.campaign.CampaignAccess;
import org.mitra.awareness.campaign.Campaigns;
import org.mitra.web.paging.Page;
import org.mitra.web.paging.PageRequest;
import org.mitra.web.problem.ConflictException;
import org.mitra.web.problem.FieldMessage;
import org.mitra.web.problem.InvalidRequestException;
import org.mitra.web.problem.ResourceNotFoundException;

/**
 * Takes public pledges and lets each pledger, holding the token from their receipt, update a
 * business checklist, unsubscribe or erase the pledge. Contacts only reach the campaign's own staff.
 */
@ApplicationScoped
public class Pledges {
    public static final String TOKEN_HEADER = "Pledge-Token";
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    @Inject
    Campaigns campaigns;

    @Inject
    CampaignAccess access;

    @Inject
    CampaignEvents events;

    @Inject
    PledgeSecrets secrets;

    @Inject
    EntityManager entityManager;

    Clock clock = Clock.systemUTC();

    /** The new pledge and its token in readable form, which exists only in this answer. */
    public record Made(Pledge pledge, String token) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Made pledge(UUID campaignId, PledgeRequest request) {
        Campaign campaign = campaigns.visible(campaignId);
        if (campaign.status != Campaign.Status.ACTIVE) {
            throw new ConflictException(MESSAGES.text("campaign.no-pledges", campaignId, campaign.status))
                    .with("currentState", campaign.status.name());
        }
        check(campaign, request);
        String token = SecretTokens.newToken();
        Pledge pledge = new Pledge();
        pledge.id = UUID.randomUUID();
        pledge.campaignId = campaign.id;
        pledge.kind = request.kind();
        if (request.kind() == Pledge.Kind.BUSINESS) {
            pledge.businessName = request.businessName().strip();
            pledge.businessType = request.businessType();
            pledge.criteria.addAll(Optional.ofNullable(request.criteria()).orElse(List.of()));
        }
        pledge.commitment = request.commitment();
        pledge.country = request.country();
        pledge.source = request.source();
        pledge.contactConsent = request.contactConsent();
        pledge.counted = true;
        if (request.email() != null) {
            pledge.emailHash = secrets.hashEmail(request.email());
            lockEmail(campaign.id, pledge.emailHash);
            pledge.counted = Pledge.count("campaignId = ?1 and emailHash = ?2 and counted = true", campaign.id, pledge.emailHash) == 0;
            pledge.email = request.contactConsent() ? request.email().strip() : null;
        }
        pledge.tokenHash = SecretTokens.hash(token);
        pledge.createdAt = clock.instant();
        pledge.updatedAt = pledge.createdAt;
        pledge.persist();
        if (pledge.counted) {
            Pledge.getEntityManager().flush();
            events.publishStateOf(campaign);
        }
        return new Made(pledge, token);
    }

    /**
     * Pledges of a campaign the caller may see, newest first; emails only for the verified staff of the owner, and of
     * a co-sponsor that accepted for the pledges made after it accepted.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Page<PledgeView> list(UUID campaignId, Pledge.Kind kind, PageRequest page) {
        Campaign campaign = campaigns.visible(campaignId);
        Optional<Instant> contactsSince = access.contactsVisibleSince(campaign);
        var query = kind == null
                ? Pledge.<Pledge>find("campaignId", Sort.descending("createdAt").and("id"), campaign.id)
                : Pledge.<Pledge>find("campaignId = ?1 and kind = ?2", Sort.descending("createdAt").and("id"), campaign.id, kind);
        List<PledgeView> items = query.page(page.page(), page.size()).list().stream()
                .map(pledge -> PledgeView.of(pledge, contactsSince.map(since -> !pledge.createdAt.isBefore(since)).orElse(false)))
                .toList();
        return Page.of(items, page, query.count());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Pledge updateChecklist(UUID campaignId, UUID pledgeId, String token, ChecklistRequest request) {
        Pledge pledge = withToken(campaignId, pledgeId, token);
        if (pledge.kind != Pledge.Kind.BUSINESS) {
            throw new ConflictException(MESSAGES.text("pledge.checklist-business-only"));
        }
        pledge.criteria.clear();
        pledge.criteria.addAll(request.met());
        pledge.updatedAt = clock.instant();
        return pledge;
    }

    /** Stops all contact: the email is forgotten, only its keyed hash stays to count the pledge once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void unsubscribe(UUID campaignId, UUID pledgeId, String token) {
        Pledge pledge = withToken(campaignId, pledgeId, token);
        if (pledge.unsubscribedAt == null) {
            pledge.unsubscribedAt = clock.instant();
            pledge.updatedAt = pledge.unsubscribedAt;
        }
        pledge.email = null;
        pledge.contactConsent = false;
    }

    /** Erases the pledge on its maker's request; a later pledge by the same email then counts instead. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(UUID campaignId, UUID pledgeId, String token) {
        Pledge pledge = withToken(campaignId, pledgeId, token);
        boolean wasCounted = pledge.counted;
        String emailHash = pledge.emailHash;
        pledge.delete();
        Pledge.getEntityManager().flush();
        boolean promoted = false;
        if (wasCounted && emailHash != null) {
            lockEmail(campaignId, emailHash);
            Optional<Pledge> next = Pledge.<Pledge>find("campaignId = ?1 and emailHash = ?2 and counted = false",
                    Sort.ascending("createdAt").and("id"), campaignId, emailHash).firstResultOptional();
            next.ifPresent(later -> later.counted = true);
            promoted = next.isPresent();
        }
        if (wasCounted && !promoted) {
            Pledge.getEntityManager().flush();
            events.publishStateOf(Campaign.findById(campaignId));
        }
    }

    /**
     * The pledge the token belongs to. An unknown id, a pledge of another campaign and a wrong token all
     * give the same 404, so nobody without the token can tell which pledge ids exist.
     */
    private Pledge withToken(UUID campaignId, UUID pledgeId, String token) {
        if (token == null || token.isBlank()) {
            throw InvalidRequestException.of(TOKEN_HEADER, MESSAGES.text("field.pledge-token"));
        }
        Optional<Pledge> found = Pledge.<Pledge>findByIdOptional(pledgeId)
                .filter(pledge -> pledge.campaignId.equals(campaignId));
        if (!SecretTokens.matches(token, found.map(pledge -> pledge.tokenHash).orElse(null))) {
            throw ResourceNotFoundException.of(MESSAGES.text("noun.pledge"), pledgeId);
        }
        return found.orElseThrow();
    }

    /** Serialises pledges by one email to one campaign, so two at once cannot both be counted. */
    private void lockEmail(UUID campaignId, String emailHash) {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", campaignId + ":" + emailHash)
                .getSingleResult();
    }

    private void check(Campaign campaign, PledgeRequest request) {
        List<FieldMessage> violations = new ArrayList<>();
        if (!campaign.offers(request.commitment())) {
            violations.add(new FieldMessage("commitment", MESSAGES.text("field.commitment",
                    campaign.pledgeOptions.stream().map(option -> option.code).toList())));
        }
        if (!COUNTRIES.contains(request.country())) {
            violations.add(new FieldMessage("country", MESSAGES.text("field.country")));
        }
        if (request.kind() == Pledge.Kind.BUSINESS) {
            if (request.businessName() == null || request.businessName().isBlank()) {
                violations.add(new FieldMessage("businessName", MESSAGES.text("field.business-required")));
            }
            if (request.businessType() == null) {
                violations.add(new FieldMessage("businessType", MESSAGES.text("field.business-required")));
            }
        } else {
            if (request.businessName() != null) {
                violations.add(new FieldMessage("businessName", MESSAGES.text("field.business-only")));
            }
            if (request.businessType() != null) {
                violations.add(new FieldMessage("businessType", MESSAGES.text("field.business-only")));
            }
            if (request.criteria() != null && !request.criteria().isEmpty()) {
                violations.add(new FieldMessage("criteria", MESSAGES.text("field.criteria-business-only")));
            }
        }
        if (request.contactConsent() && request.email() == null) {
            violations.add(new FieldMessage("email", MESSAGES.text("field.email-for-contact")));
        }
        if (!violations.isEmpty()) {
            throw InvalidRequestException.of(violations);
        }
    }
}
