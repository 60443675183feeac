package org.mitra.referral.open;

import static org.mitra.referral.ReferralMessages.MESSAGES;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.mitra.events.Slice;
import org.mitra.events.referral.ReferralStatus;
import org.mitra.events.referral.Urgency;
import org.mitra.referral.directory.DirectoryReadModel;
import org.mitra.referral.identity.IdentityVault;
import org.mitra.referral.identity.Subject;
import org.mitra.referral.lifecycle.ReferralEvents;
import org.mitra.referral.lifecycle.ReferralWorkflow;
import org.mitra.referral.matching.MatchView;
import org.mitra.referral.matching.Matching;
import org.mitra.referral.referral.AgeBand;
import org.mitra.referral.referral.Consent;
import org.mitra.referral.referral.Referral;
import org.mitra.referral.referral.ReferralAccess;
import org.mitra.referral.referral.Referrals;
import org.mitra.web.problem.ConflictException;
import org.mitra.web.problem.FieldMessage;
import org.mitra.web.problem.InvalidRequestException;
import org.mitra.web.problem.ResourceNotFoundException;

/**
 * Emergency referrals sent open: a victim removed from danger at night needs a bed now, not a named receiver. The
 * referral is offered to every verified organization whose service matches its category and region and reports room
 * ({@link Matching}, capacity now); each offered organization sees only what it needs to decide ({@link OfferView}) and
 * may claim it. The first claim wins, exactly one under concurrency (the referral's row is locked): the referral gets
 * that receiver, its consent is shared with the claimer alone, it is accepted, and the other offers fall away with
 * nothing more to see. Unclaimed after {@code mitra.referral.open.escalate-after} (2 hours) it is escalated to the
 * coalition admins ({@link #escalate}).
 */
@ApplicationScoped
public class OpenReferrals {
    private static final int BATCH = 500;
    /** The most offers listed at once: they stand for hours, so an organization never has more than a handful. */
    static final int MAX_OFFERS = 200;

    @Inject
    ReferralAccess access;

    @Inject
    DirectoryReadModel directory;

    @Inject
    Matching matching;

    @Inject
    IdentityVault vault;

    @Inject
    Referrals referrals;

    @Inject
    ReferralWorkflow workflow;

    @Inject
    ReferralEvents events;

    @Inject
    OpenReferralConfig config;

    /** Milliseconds (libs/web's {@link org.mitra.web.Clocks}). */
    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public Referral create(UUID id, OpenReferralRequest request) {
        UUID sender = access.ownOrganization();
        List<FieldMessage> problems = new ArrayList<>();
        Optional<Slice> slice = directory.sliceOf(request.categoryCode());
        if (slice.isEmpty()) {
            problems.add(new FieldMessage("categoryCode", MESSAGES.text("field.category-unknown")));
        } else if (slice.get() == Slice.INTERVENTION) {
            // Broadcast with its region and time, an intervention offer would tell several organizations of a rescue:
            // it goes to a named organization that works with law enforcement.
            problems.add(new FieldMessage("categoryCode", MESSAGES.text("field.category-intervention-open")));
        }
        if (!AgeBand.isValid(request.profile().ageBand())) {
            problems.add(new FieldMessage("profile.ageBand", MESSAGES.text("field.one-of", AgeBand.CODES)));
        }
        // Shared with nobody named until one claims it; then with the claimer alone.
        Consent consent = request.consent().forExternalAgency();
        if (!consent.covers(Consent.Shared.PROFILE)) {
            problems.add(new FieldMessage("consent.shares", MESSAGES.text("field.consent-profile")));
        }
        if (request.identity() != null && !consent.covers(Consent.Shared.IDENTITY)) {
            problems.add(new FieldMessage("consent.shares", MESSAGES.text("field.consent-identity-share")));
        }
        boolean hasNote = request.note() != null && !request.note().isBlank();
        if (hasNote && !consent.covers(Consent.Shared.NOTE)) {
            problems.add(new FieldMessage("consent.shares", MESSAGES.text("field.consent-note-share")));
        }
        Optional<Subject> known = referrals.knownSubject(sender, request.subjectId(), request.identity(), problems);
        if (!problems.isEmpty()) {
            throw InvalidRequestException.of(problems);
        }
        Subject subject = known.orElseGet(() -> vault.newSubject(sender, request.identity()));
        Referral referral = referrals.newDraft(id, sender, subject, request.categoryCode(), slice.orElseThrow(),
                request.regionCode(), Urgency.EMERGENCY, request.profile(), consent, request.note(),
                request.lawEnforcementReference());
        referral.offeredAt = referral.createdAt;
        List<MatchView> offered = matching.find(request.categoryCode(), request.regionCode(), null, request.profile().gender(),
                null, Set.of(sender)).stream().filter(Matching::hasRoomNow).toList();
        if (offered.isEmpty()) {
            // Nobody to offer it to: the coalition hears of it at once rather than in two hours.
            referral.escalatedAt = referral.createdAt;
        }
        workflow.persistNew(referral, true);
        offered.stream().map(MatchView::organizationId).distinct().forEach(organization -> {
            Offer offer = new Offer();
            offer.key = new Offer.Key(referral.id, organization);
            offer.offeredAt = referral.createdAt;
            offer.persist();
        });
        if (referral.escalatedAt != null) {
            events.overdue(referral, referral.escalatedAt);
        }
        ReferralWorkflow.flush();
        return referral;
    }

    /** How many organizations an open referral was offered to. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long offeredTo(UUID referralId) {
        return Offer.count("key.referralId", referralId);
    }

    /** The open referrals offered to the caller's organization that are still unclaimed, newest first (one query). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<OfferView> offers() {
        UUID own = access.ownOrganization();
        return Referral.getEntityManager().createQuery("select r, o from Offer o, Referral r where r.id = o.key.referralId "
                + "and o.key.organizationId = :own and r.status = :requested and r.claimedAt is null "
                + "order by o.offeredAt desc, r.id", Object[].class)
                .setParameter("own", own).setParameter("requested", ReferralStatus.REQUESTED).setMaxResults(MAX_OFFERS)
                .getResultStream().map(row -> OfferView.of((Referral) row[0], (Offer) row[1])).toList();
    }

    /** One offer to the caller's organization while it stands; 404 otherwise (never offered, claimed, closed). */
    @Transactional(Transactional.TxType.MANDATORY)
    public OfferView offer(UUID referralId) {
        UUID own = access.ownOrganization();
        Offer offer = Offer.<Offer>findByIdOptional(new Offer.Key(referralId, own))
                .orElseThrow(() -> ResourceNotFoundException.of(MESSAGES.text("noun.offer"), referralId));
        Referral referral = Referral.findById(referralId);
        if (!standing(referral)) {
            throw ResourceNotFoundException.of(MESSAGES.text("noun.offer"), referralId);
        }
        return OfferView.of(referral, offer);
    }

    /**
     * Claims an open referral for the caller's organization: the first claim wins. The referral's row is locked, so
     * concurrent claims run one after the other and every later one finds it claimed (409). An organization it was never
     * offered to gets 404, as for anything it may not know of.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Referral claim(UUID referralId) {
        UUID own = access.ownOrganization();
        if (Offer.findById(new Offer.Key(referralId, own)) == null) {
            throw ResourceNotFoundException.of(MESSAGES.text("noun.offer"), referralId);
        }
        Referral referral = Referral.getEntityManager().find(Referral.class, referralId, LockModeType.PESSIMISTIC_WRITE);
        if (referral != null && referral.claimedAt != null && own.equals(referral.receivingOrganizationId)) {
            return referral; // the claimer's retry (an answer lost on the way at night): it has it
        }
        if (!standing(referral)) {
            throw new ConflictException(MESSAGES.text("open.no-longer-offered", referralId))
                    .with("referralId", referralId);
        }
        referral.receivingOrganizationId = own;
        referral.claimedAt = clock.instant();
        referral.consent = new Consent(referral.consent.consentedBy(), referral.consent.consentedAt(), referral.consent.shares(),
                List.of(own), referral.consent.mayContact());
        workflow.move(referral, "claim", ReferralStatus.ACCEPTED, null, null);
        ReferralWorkflow.flush();
        return referral;
    }

    /**
     * Escalates every open referral still unclaimed {@code escalate-after} after it was offered, once each: the same
     * {@code ReferralOverdue} announcement as an unanswered named referral (the directory counts it as unmet demand),
     * and it heads the coalition admins' overdue list. Returns how many.
     */
    @Transactional
    public int escalate(Instant now) {
        List<Referral> unclaimed = Referral.find("status = :requested and offeredAt is not null and claimedAt is null "
                + "and escalatedAt is null and overdueAt is null and offeredAt < :before", Parameters.with("requested", ReferralStatus.REQUESTED)
                .and("before", now.minus(config.escalateAfter()))).page(0, BATCH).list();
        for (Referral referral : unclaimed) {
            referral.escalatedAt = clock.instant();
            events.overdue(referral, referral.escalatedAt);
        }
        return unclaimed.size();
    }

    /** An offer stands while its referral is REQUESTED and unclaimed. */
    private static boolean standing(Referral referral) {
        return referral != null && referral.status == ReferralStatus.REQUESTED && referral.isUnclaimedOffer();
    }
}
