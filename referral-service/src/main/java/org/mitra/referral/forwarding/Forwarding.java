package org.mitra.referral.forwarding;

import static org.mitra.referral.ReferralMessages.MESSAGES;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.mitra.events.referral.ReferralStatus;
import org.mitra.referral.identity.IdentityVault;
import org.mitra.referral.identity.Subject;
import org.mitra.referral.lifecycle.HistoryEntry;
import org.mitra.referral.lifecycle.ReferralStateMachine;
import org.mitra.referral.lifecycle.ReferralWorkflow;
import org.mitra.referral.lifecycle.Side;
import org.mitra.referral.matching.Matching;
import org.mitra.referral.matching.MatchView;
import org.mitra.referral.referral.Consent;
import org.mitra.referral.referral.Referral;
import org.mitra.referral.referral.ReferralAccess;
import org.mitra.referral.referral.Referrals;
import org.mitra.web.problem.AccessDeniedException;
import org.mitra.web.problem.ConflictException;
import org.mitra.web.problem.FieldMessage;
import org.mitra.web.problem.InvalidRequestException;
import org.mitra.web.problem.InvalidTransitionException;
import org.mitra.web.problem.UnprocessableException;

/**
 * Forwards a referral nobody could take, in one call: one that expired unanswered (CANCELLED, {@code EXPIRED}) or that
 * its receiver rejected for want of capacity (REJECTED, {@code NO_CAPACITY}) goes to the next ranked match that it was
 * not yet sent to, as a new referral submitted at once under consent confirmed again for that organization. The two
 * are linked both ways, for the sender and coalition admins only: the organization that could not take the person
 * never learns where they went. A referral is forwarded once (its forwarded one may be forwarded in turn).
 */
@ApplicationScoped
public class Forwarding {
    /** The rejection reason that lets the sender forward. */
    public static final String NO_CAPACITY = "NO_CAPACITY";
    /** How far a partner system's clock may be behind Mitra's when it says when consent was given. */
    private static final java.time.Duration CLOCK_SKEW = java.time.Duration.ofMinutes(5);

    @Inject
    ReferralAccess access;

    @Inject
    Matching matching;

    @Inject
    IdentityVault vault;

    @Inject
    ReferralWorkflow workflow;

    /** Milliseconds (libs/web's {@link org.mitra.web.Clocks}). */
    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public Referral forward(UUID id, ForwardRequest request) {
        ReferralAccess.Acting acting = access.acting(id);
        Referral original = acting.referral();
        if (acting.side() != Side.SENDER) {
            throw new AccessDeniedException(MESSAGES.text("forward.sender-only", id));
        }
        String reason = closingReason(original);
        if (!isForwardable(original.status, reason)) {
            throw new InvalidTransitionException("forward", original.status.name(), List.of())
                    .with("reasonCode", reason == null ? "NONE" : reason)
                    .with("forwardableWhen", List.of("CANCELLED with EXPIRED", "REJECTED with NO_CAPACITY"));
        }
        // One forward at a time: a concurrent one waits here, then finds the referral changed (409, ProblemMappers) or
        // already forwarded, instead of racing to the unique index on forwarded_from_id.
        Referral.getEntityManager().lock(original, LockModeType.PESSIMISTIC_WRITE);
        if (original.forwardedToId != null) {
            throw new ConflictException(MESSAGES.text("forward.already", id, original.forwardedToId))
                    .with("forwardedToId", original.forwardedToId);
        }
        Subject subject = Subject.findById(original.subjectId);
        if (original.consentWithdrawnAt != null || subject == null || vault.isShredded(subject)) {
            throw new UnprocessableException(MESSAGES.text("forward.consent-withdrawn", id)).with("missing", "consent");
        }
        if (request.consent().consentedAt().isBefore(original.closedAt.minus(CLOCK_SKEW))) {
            throw InvalidRequestException.of("consent.consentedAt",
                    MESSAGES.text("field.forward-consented-at", original.closedAt));
        }
        MatchView match = nextMatch(original, request.receivingOrganizationId());
        Consent consent = request.consent().forReceiver(match.organizationId());
        List<FieldMessage> consentProblems = Referrals.consentProblems(consent, match.organizationId(), false, false, true);
        if (!consentProblems.isEmpty()) {
            throw InvalidRequestException.of(consentProblems);
        }
        Referral forwarded = copy(original, subject, match, consent);
        // Its updatedAt stays: the receiver that could not take the person polls by it and learns nothing of the forward.
        original.forwardedToId = forwarded.id;
        workflow.persistForwarded(original, forwarded);
        ReferralWorkflow.flush();
        return forwarded;
    }

    static boolean isForwardable(ReferralStatus status, String reason) {
        return (status == ReferralStatus.CANCELLED && ReferralWorkflow.EXPIRED.equals(reason))
                || (status == ReferralStatus.REJECTED && NO_CAPACITY.equals(reason));
    }

    /** The reason of the step that closed the referral (its last step into its present status). */
    private static String closingReason(Referral referral) {
        if (ReferralStateMachine.isOpen(referral.status)) {
            return null;
        }
        return HistoryEntry.<HistoryEntry>find("referralId = ?1 and toStatus = ?2 and fromStatus <> toStatus order by position desc",
                referral.id, referral.status).firstResultOptional().map(entry -> entry.reasonCode).orElse(null);
    }

    /**
     * The chosen match, or the first ranked one that reports room; leaves out the sender and every organization the
     * person was already referred to along the chain.
     */
    private MatchView nextMatch(Referral original, UUID chosen) {
        Set<UUID> excluded = chainOrganizations(original);
        List<MatchView> matches = matching.find(original.categoryCode, original.regionCode, null, original.gender, null, excluded);
        if (chosen != null) {
            return matches.stream().filter(match -> match.organizationId().equals(chosen)).findFirst()
                    .orElseThrow(() -> InvalidRequestException.of("receivingOrganizationId",
                            MESSAGES.text("field.forward-not-a-match", original.categoryCode, original.regionCode)));
        }
        return matches.stream().filter(match -> !Matching.isFull(match)).findFirst()
                .orElseThrow(() -> new UnprocessableException(MESSAGES.text("forward.no-match", original.categoryCode,
                        original.regionCode))
                        .with("categoryCode", original.categoryCode).with("regionCode", original.regionCode));
    }

    /** The sender and every receiver along the chain of forwards that ends at this referral. */
    private static Set<UUID> chainOrganizations(Referral last) {
        Set<UUID> organizations = new HashSet<>();
        organizations.add(last.sendingOrganizationId);
        chain(last).forEach(step -> organizations.add(step.receivingOrganizationId));
        return organizations;
    }

    /**
     * This referral and those it continues, latest first. The note comes from the latest that has one: a forward the
     * person did not let it go to leaves it out, and a later one they agree to takes it again from further back.
     */
    private static List<Referral> chain(Referral last) {
        List<Referral> chain = new ArrayList<>();
        Optional<Referral> step = Optional.of(last);
        while (step.isPresent()) {
            chain.add(step.get());
            step = Optional.ofNullable(step.get().forwardedFromId).flatMap(id -> Referral.<Referral>findByIdOptional(id));
        }
        return chain;
    }

    private Referral copy(Referral original, Subject subject, MatchView match, Consent consent) {
        Referral forwarded = new Referral();
        forwarded.id = UUID.randomUUID();
        forwarded.subjectId = original.subjectId;
        forwarded.sendingOrganizationId = original.sendingOrganizationId;
        forwarded.receivingOrganizationId = match.organizationId();
        forwarded.receivingServiceId = match.serviceId();
        forwarded.categoryCode = original.categoryCode;
        forwarded.slice = original.slice;
        forwarded.regionCode = original.regionCode;
        forwarded.urgency = original.urgency;
        forwarded.status = ReferralStatus.DRAFT;
        forwarded.ageBand = original.ageBand;
        forwarded.gender = original.gender;
        forwarded.profile = original.profile;
        forwarded.consent = consent;
        forwarded.forwardedFromId = original.id;
        // The note goes along only when the person agreed to share it with the new receiver; each ciphertext is bound
        // to its own row, so it is encrypted again for the new one.
        if (consent.covers(Consent.Shared.NOTE)) {
            chain(original).stream().map(vault::note).flatMap(Optional::stream).findFirst()
                    .ifPresent(note -> forwarded.noteCiphertext = vault.encryptNote(subject, forwarded.id, note));
        }
        if (original.lawEnforcementAgency != null) {
            forwarded.lawEnforcementAgency = original.lawEnforcementAgency;
            vault.reportNumber(original).ifPresent(number -> forwarded.lawEnforcementReportNumberCiphertext =
                    vault.encryptReportNumber(subject, forwarded.id, number));
        }
        forwarded.createdBy = access.actor();
        forwarded.createdAt = clock.instant();
        forwarded.updatedAt = forwarded.createdAt;
        return forwarded;
    }
}
