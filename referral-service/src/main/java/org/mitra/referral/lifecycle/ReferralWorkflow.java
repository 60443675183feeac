package org.mitra.referral.lifecycle;

import static org.mitra.referral.ReferralMessages.MESSAGES;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.mitra.events.referral.ReferralStatus;
import org.mitra.problems.ProblemText;
import org.mitra.referral.directory.DirectoryOrganization;
import org.mitra.referral.directory.DirectoryReadModel;
import org.mitra.referral.followup.ContactAttempts;
import org.mitra.referral.overdue.Deadlines;
import org.mitra.referral.referral.Referral;
import org.mitra.referral.referral.ReferralAccess;
import org.mitra.web.etag.EntityTags;
import org.mitra.web.etag.IfMatch;
import org.mitra.web.problem.AccessDeniedException;
import org.mitra.web.problem.ConflictException;
import org.mitra.web.problem.FieldMessage;
import org.mitra.web.problem.InvalidRequestException;
import org.mitra.web.problem.InvalidTransitionException;
import org.mitra.web.problem.ProblemException;
import org.mitra.web.problem.UnprocessableException;

/**
 * Moves referrals through the state machine: checks the caller's side, the state, the reason,
 * then records the step in the history and announces it through the outbox, all in one transaction.
 */
@ApplicationScoped
public class ReferralWorkflow {
    /** The reason code of the cancellations that follow a withdrawal of consent. */
    public static final String CONSENT_WITHDRAWN = "CONSENT_WITHDRAWN";
    /** The reason code of a referral nobody answered before it expired. */
    public static final String EXPIRED = "EXPIRED";
    /** Who the history names for the steps Mitra takes itself (an expiry), not a person. */
    public static final String SYSTEM_ACTOR = "mitra";
    private static final EnumSet<ReferralStatus> UNDER_WAY = EnumSet.of(ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS,
            ReferralStatus.ON_HOLD);

    @Inject
    ReferralAccess access;

    @Inject
    ReferralEvents events;

    @Inject
    Deadlines deadlines;

    @Inject
    DirectoryReadModel directory;

    @Inject
    ContactAttempts contactAttempts;

    /** Milliseconds (libs/web's {@link org.mitra.web.Clocks}). */
    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public Referral apply(UUID id, String ifMatch, TransitionRequest request) {
        Action action = Action.fromCode(request.action()).orElseThrow(() -> InvalidRequestException.of("action",
                MESSAGES.text("field.one-of", Arrays.stream(Action.values()).map(Action::code).toList())));
        ReferralAccess.Acting acting = access.acting(id);
        Referral referral = acting.referral();
        IfMatch.check(ifMatch, EntityTags.of(referral.id, referral.version));
        ReferralStatus to = ReferralStateMachine.next(referral.status, acting.side(), action, referral.isExternal())
                .orElseThrow(() -> refusal(referral, acting.side(), action));
        if (action.needsReason() && request.reasonCode() == null) {
            throw InvalidRequestException.of("reasonCode", MESSAGES.text("field.reason-required", action.code()));
        }
        if (action.needsCompletion()) {
            checkCompletion(referral, request);
        }
        if (action == Action.SUBMIT) {
            checkSubmittable(referral);
        }
        StatusChange change = transition(referral, to, action.needsReason() ? request.reasonCode() : null);
        HistoryEntry entry = entry(referral, action.code(), change.from(), change.to(), change.reasonCode(), null,
                change.occurredAt());
        if (action.needsCompletion()) {
            referral.outcome = request.outcome();
            entry.deliveries = List.copyOf(request.deliveries());
            entry.servicesDelivered = request.deliveries().stream().map(ServiceDelivery::categoryCode).distinct().toList();
            entry.outcome = request.outcome();
        }
        entry.persist();
        events.statusChanged(change);
        flush();
        return referral;
    }

    /**
     * Completing needs the services delivered with their dates (none before the referral was requested, none ending
     * before it began) and the outcome; {@code LOST_CONTACT} only after {@link ContactAttempts#BEFORE_LOST_CONTACT}
     * recorded attempts that did not reach the person.
     */
    private void checkCompletion(Referral referral, TransitionRequest request) {
        List<FieldMessage> problems = new ArrayList<>();
        if (request.deliveries() == null || request.deliveries().isEmpty()) {
            problems.add(new FieldMessage("deliveries", MESSAGES.text("field.deliveries-required")));
        } else {
            LocalDate requested = referral.requestedAt.atZone(deadlines.zone()).toLocalDate();
            LocalDate today = LocalDate.now(clock.withZone(deadlines.zone()));
            for (int i = 0; i < request.deliveries().size(); i++) {
                ServiceDelivery delivery = request.deliveries().get(i);
                String field = "deliveries[" + i + "]";
                if (delivery.deliveredOn().isBefore(requested)) {
                    problems.add(new FieldMessage(field + ".deliveredOn", MESSAGES.text("field.not-before-requested",
                            requested)));
                } else if (delivery.deliveredOn().isAfter(today)) {
                    problems.add(new FieldMessage(field + ".deliveredOn", MESSAGES.text("field.not-after-today", today)));
                }
                if (delivery.deliveredUntil() != null && delivery.deliveredUntil().isBefore(delivery.deliveredOn())) {
                    problems.add(new FieldMessage(field + ".deliveredUntil", MESSAGES.text("field.delivered-until")));
                } else if (delivery.deliveredUntil() != null && delivery.deliveredUntil().isAfter(today)) {
                    problems.add(new FieldMessage(field + ".deliveredUntil", MESSAGES.text("field.not-after-today", today)));
                }
            }
        }
        if (request.outcome() == null) {
            problems.add(new FieldMessage("outcome", MESSAGES.text("field.outcome-required",
                    Arrays.toString(ServiceOutcome.values()))));
        }
        if (!problems.isEmpty()) {
            throw InvalidRequestException.of(problems);
        }
        if (request.outcome() == ServiceOutcome.LOST_CONTACT) {
            long unreached = contactAttempts.unreached(referral.id);
            if (unreached < ContactAttempts.BEFORE_LOST_CONTACT) {
                throw new UnprocessableException(MESSAGES.text("workflow.lost-contact", ContactAttempts.BEFORE_LOST_CONTACT,
                        referral.id, unreached))
                        .with("contactAttemptsUnreached", unreached).with("contactAttemptsNeeded", ContactAttempts.BEFORE_LOST_CONTACT);
            }
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Referral advanceBusinessStatus(UUID id, String ifMatch, BusinessStatus wanted) {
        ReferralAccess.Acting acting = access.acting(id);
        Referral referral = acting.referral();
        IfMatch.check(ifMatch, EntityTags.of(referral.id, referral.version));
        if (!referral.isIntervention()) {
            throw new ConflictException(MESSAGES.text("workflow.business-status-intervention-only", id,
                    referral.slice.code())).with("slice", referral.slice.code());
        }
        if (acting.side() != Side.RECEIVER && !referral.isExternal()) {
            throw new AccessDeniedException(MESSAGES.text("workflow.business-status-receiver-only", id));
        }
        BusinessStatus expected = BusinessStatus.after(referral.businessStatus).orElse(null);
        if (!UNDER_WAY.contains(referral.status) || expected != wanted) {
            String current = referral.businessStatus == null ? "NONE" : referral.businessStatus.name();
            List<String> allowed = UNDER_WAY.contains(referral.status) && expected != null ? List.of(expected.name()) : List.of();
            throw new InvalidTransitionException("move the business status to " + wanted, current, allowed)
                    .with("referralStatus", referral.status.name());
        }
        referral.businessStatus = wanted;
        referral.updatedAt = clock.instant();
        // History only: a step of law enforcement's work is no event (ReferralEvents says why).
        record(referral, "business-status", referral.status, referral.status, null, null);
        flush();
        return referral;
    }

    /** Moves a referral the caller was already allowed to move, records and announces it; returns what happened. */
    @Transactional(Transactional.TxType.MANDATORY)
    public StatusChange move(Referral referral, String actionCode, ReferralStatus to, String reasonCode,
            List<String> servicesDelivered) {
        StatusChange change = transition(referral, to, reasonCode);
        recordAndAnnounce(referral, actionCode, change, servicesDelivered);
        return change;
    }

    /** The referral's new status, and its deadline when it is (again) requested. */
    private StatusChange transition(Referral referral, ReferralStatus to, String reasonCode) {
        StatusChange change = referral.moveTo(to, reasonCode, clock.instant());
        if (change.to() == ReferralStatus.REQUESTED) {
            referral.deadline = deadlines.deadline(referral.urgency, change.occurredAt());
            referral.expiresAt = deadlines.expiry(referral.urgency, change.occurredAt());
        }
        return change;
    }

    private void recordAndAnnounce(Referral referral, String actionCode, StatusChange change, List<String> servicesDelivered) {
        record(referral, actionCode, change.from(), change.to(), change.reasonCode(), servicesDelivered, change.occurredAt());
        events.statusChanged(change);
    }

    /**
     * Closes a referral nobody answered before it expired: CANCELLED with reason {@code EXPIRED}, by Mitra itself (no
     * person, no organization in its history), announced like any cancellation, so its two organizations hear of it
     * (event, webhook {@code referral.cancelled}) and the sender may forward it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void expire(Referral referral) {
        StatusChange change = referral.moveTo(ReferralStatus.CANCELLED, EXPIRED, clock.instant());
        entry(referral, "expire", change.from(), change.to(), EXPIRED, null, change.occurredAt(), SYSTEM_ACTOR, null).persist();
        events.statusChanged(change);
    }

    /**
     * Stores a referral forwarded from another, submitted at once: its history's "create" names the original, and the
     * original's history gets a "forward" step naming it (both shown to the sender and coalition admins only).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void persistForwarded(Referral original, Referral forwarded) {
        checkSubmittable(forwarded);
        StatusChange submission = transition(forwarded, ReferralStatus.REQUESTED, null);
        forwarded.persist();
        HistoryEntry created = entry(forwarded, "create", null, ReferralStatus.DRAFT, null, null, forwarded.createdAt);
        created.linkedReferralId = original.id;
        created.persist();
        recordAndAnnounce(forwarded, Action.SUBMIT.code(), submission, null);
        HistoryEntry forward = entry(original, ReferralHistory.FORWARD, original.status, original.status, null, null, forwarded.createdAt);
        forward.linkedReferralId = forwarded.id;
        forward.persist();
    }

    /**
     * Stores a new referral as a draft, or submitted at once: its history says "create" then "submit" as if it had been
     * moved after it was stored, but its row is written once, as it ends (a change after persist would cost an UPDATE).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void persistNew(Referral referral, boolean submit) {
        Instant created = referral.updatedAt;
        StatusChange submission = null;
        if (submit) {
            checkSubmittable(referral);
            submission = transition(referral, ReferralStatus.REQUESTED, null);
        }
        referral.persist();
        record(referral, "create", null, ReferralStatus.DRAFT, null, null, created);
        if (submission != null) {
            recordAndAnnounce(referral, Action.SUBMIT.code(), submission, null);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Referral referral, String actionCode, ReferralStatus from, ReferralStatus to, String reasonCode,
            List<String> servicesDelivered) {
        record(referral, actionCode, from, to, reasonCode, servicesDelivered, referral.updatedAt);
    }

    private void record(Referral referral, String actionCode, ReferralStatus from, ReferralStatus to, String reasonCode,
            List<String> servicesDelivered, Instant occurredAt) {
        entry(referral, actionCode, from, to, reasonCode, servicesDelivered, occurredAt).persist();
    }

    /** A history entry for this step by the caller, not yet persisted. */
    private HistoryEntry entry(Referral referral, String actionCode, ReferralStatus from, ReferralStatus to, String reasonCode,
            List<String> servicesDelivered, Instant occurredAt) {
        return entry(referral, actionCode, from, to, reasonCode, servicesDelivered, occurredAt, access.actor(),
                access.callerOrganization().orElse(null));
    }

    private static HistoryEntry entry(Referral referral, String actionCode, ReferralStatus from, ReferralStatus to,
            String reasonCode, List<String> servicesDelivered, Instant occurredAt, String actor, UUID organizationId) {
        HistoryEntry entry = new HistoryEntry();
        entry.id = UUID.randomUUID();
        entry.referralId = referral.id;
        entry.action = actionCode;
        entry.fromStatus = from;
        entry.toStatus = to;
        entry.businessStatus = referral.businessStatus;
        entry.reasonCode = reasonCode;
        entry.servicesDelivered = servicesDelivered;
        entry.actor = actor;
        entry.organizationId = organizationId;
        entry.occurredAt = occurredAt;
        return entry;
    }

    /** Submission needs recorded consent and a receiver that is still verified. */
    public void checkSubmittable(Referral referral) {
        if (referral.consent == null || referral.consentWithdrawnAt != null) {
            throw new UnprocessableException(MESSAGES.text("workflow.no-consent", referral.id))
                    .with("missing", "consent");
        }
        if (referral.isExternal() || referral.isUnclaimedOffer()) {
            return; // an agency outside the platform, or an open referral: no organization of the directory named yet
        }
        boolean receiverVerified = directory.organization(referral.receivingOrganizationId)
                .map(DirectoryOrganization::isVerified).orElse(false);
        if (!receiverVerified) {
            throw new UnprocessableException(MESSAGES.text("workflow.receiver-not-verified",
                    referral.receivingOrganizationId)).with("receivingOrganizationId",
                    referral.receivingOrganizationId);
        }
    }

    /**
     * Writes the request's pending changes now: the response's ETag needs the version the flush gives, and a change
     * another request made to the same rows meanwhile fails this request here, before its answer is built. Every
     * flush of a request in this service goes through here. Such a failure (an optimistic-lock failure, a
     * serialization failure or a deadlock, however wrapped) is answered by libs/web's {@code ProblemMappers}, as is
     * one that shows only at commit: 409 conflict, "changed at the same time by another request; read it again and
     * retry". That is the one concurrent-change mapping; nothing here adds another.
     */
    public static void flush() {
        Referral.getEntityManager().flush();
    }

    private static ProblemException refusal(Referral referral, Side side, Action action) {
        List<String> allowed = ReferralStateMachine.allowedActions(referral.status, side, referral.isExternal()).stream()
                .map(Action::code).toList();
        if (!referral.isExternal() && ReferralStateMachine.belongsToOtherSide(referral.status, side, action)) {
            ProblemText other = MESSAGES.text(side == Side.SENDER ? "side.receiving" : "side.sending");
            return new AccessDeniedException(MESSAGES.text("workflow.other-side", other, action.code(), referral.id))
                    .with("currentState", referral.status.name()).with("allowedActions", allowed);
        }
        return new InvalidTransitionException(action.code(), referral.status.name(), allowed);
    }
}
