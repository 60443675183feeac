package org.mitra.referral.consent;

import static org.mitra.referral.ReferralMessages.MESSAGES;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.mitra.events.referral.ReferralStatus;
import org.mitra.referral.audit.AuditAction;
import org.mitra.referral.audit.AuditEntry;
import org.mitra.referral.audit.AuditLog;
import org.mitra.referral.identity.IdentityVault;
import org.mitra.referral.identity.Subject;
import org.mitra.referral.lifecycle.Action;
import org.mitra.referral.lifecycle.ReferralStateMachine;
import org.mitra.referral.lifecycle.ReferralEvents;
import org.mitra.referral.lifecycle.ReferralWorkflow;
import org.mitra.referral.lifecycle.Side;
import org.mitra.referral.referral.Consent;
import org.mitra.referral.referral.Referral;
import org.mitra.referral.referral.ReferralAccess;
import org.mitra.referral.referral.Referrals;
import org.mitra.web.etag.EntityTags;
import org.mitra.web.etag.IfMatch;
import org.mitra.web.problem.AccessDeniedException;
import org.mitra.web.problem.ConflictException;
import org.mitra.web.problem.InvalidRequestException;
import org.mitra.web.problem.FieldMessage;

/**
 * Records consent on a draft, and withdraws it: the subject's data key is destroyed (the identity
 * and notes become unreadable everywhere), every open referral of the subject is cancelled, and
 * the history and the audit log say so.
 */
@ApplicationScoped
public class Consents {
    @Inject
    ReferralAccess access;

    @Inject
    ReferralWorkflow workflow;

    @Inject
    IdentityVault vault;

    @Inject
    AuditLog audit;

    @Inject
    ReferralEvents events;

    /** Milliseconds (libs/web's {@link org.mitra.web.Clocks}). */
    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public Referral record(UUID referralId, String ifMatch, Consent consent) {
        ReferralAccess.Acting acting = access.acting(referralId);
        Referral referral = acting.referral();
        IfMatch.check(ifMatch, EntityTags.of(referral.id, referral.version));
        if (acting.side() != Side.SENDER) {
            throw new AccessDeniedException(MESSAGES.text("consent.sender-only", referralId));
        }
        if (referral.status != ReferralStatus.DRAFT) {
            throw new ConflictException(MESSAGES.text("consent.draft-only", referralId, referral.status))
                    .with("currentState", referral.status.name());
        }
        if (referral.consentWithdrawnAt != null) {
            throw new ConflictException(MESSAGES.text("consent.withdrawn", referralId));
        }
        Subject subject = Subject.findById(referral.subjectId);
        List<FieldMessage> problems = Referrals.consentProblems(consent, referral.receivingOrganizationId,
                subject.identityCiphertext != null, referral.noteCiphertext != null, false);
        if (!problems.isEmpty()) {
            throw InvalidRequestException.of(problems.stream()
                    .map(problem -> new FieldMessage(problem.field().replaceFirst("^consent\\.?", ""), problem.message()))
                    .map(problem -> problem.field().isEmpty() ? new FieldMessage("consent", problem.message()) : problem)
                    .toList());
        }
        referral.consent = consent;
        referral.updatedAt = clock.instant();
        workflow.record(referral, "record-consent", referral.status, referral.status, null, null);
        ReferralWorkflow.flush();
        return referral;
    }

    /**
     * Withdraws consent, {@code If-Match} required (428 without, 412 when stale). The organization that recorded
     * the consent (the sender, whose subject it is) withdraws it for the person: the subject's data key is
     * destroyed and every open referral of the subject cancelled. The receiver only records a withdrawal told
     * to it, and only on an open referral it is party to: that referral is cancelled (reason
     * {@code CONSENT_WITHDRAWN}), the receiver loses the person's data on it, and the sender sees who and why in
     * the history and the cancellation (an event on the lifecycle topic), and decides on the subject's other
     * referrals, which the receiver cannot see. Every withdrawal, and every refusal to record one, is audited
     * with its reason.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Referral withdraw(UUID referralId, String ifMatch, ConsentWithdrawal withdrawal) {
        ReferralAccess.Acting acting = access.acting(referralId);
        Referral referral = acting.referral();
        IfMatch.require(ifMatch, EntityTags.of(referral.id, referral.version));
        if (acting.side() == Side.RECEIVER) {
            return recordByReceiver(referral, withdrawal);
        }
        Subject subject = Subject.findById(referral.subjectId);
        Instant now = clock.instant();
        vault.destroyKey(subject);
        List<Referral> ofSubject = Referral.list("subjectId", subject.id);
        for (Referral each : ofSubject) {
            each.consentWithdrawnAt = now;
            each.consentWithdrawnBy = withdrawal.withdrawnBy().name();
            each.consentWithdrawalReason = withdrawal.reasonCode();
            each.updatedAt = now;
            workflow.record(each, "withdraw-consent", each.status, each.status, withdrawal.reasonCode(), null);
            if (ReferralStateMachine.isOpen(each.status)) {
                workflow.move(each, Action.CANCEL.code(), ReferralStatus.CANCELLED, ReferralWorkflow.CONSENT_WITHDRAWN, null);
            } else if (each.wasSubmitted()) {
                // Closed: its receiver may still hold the person's data and is told, to erase it (webhooks).
                events.consentWithdrawnAfterClose(each, now);
            }
        }
        ReferralWorkflow.flush();
        audit.record(referralId, AuditAction.CONSENT_WITHDRAWN, AuditEntry.Outcome.GRANTED, withdrawal.reasonCode());
        return referral;
    }

    private Referral recordByReceiver(Referral referral, ConsentWithdrawal withdrawal) {
        if (!ReferralStateMachine.isOpen(referral.status) || referral.consentWithdrawnAt != null) {
            audit.record(referral.id, AuditAction.CONSENT_WITHDRAWN, AuditEntry.Outcome.REFUSED, withdrawal.reasonCode());
            throw new ConflictException(MESSAGES.text("consent.withdrawal-open-only", referral.id, referral.status))
                    .with("currentState", referral.status.name());
        }
        referral.consentWithdrawnAt = clock.instant();
        referral.consentWithdrawnBy = withdrawal.withdrawnBy().name();
        referral.consentWithdrawalReason = withdrawal.reasonCode();
        referral.updatedAt = referral.consentWithdrawnAt;
        workflow.record(referral, "withdraw-consent", referral.status, referral.status, withdrawal.reasonCode(), null);
        workflow.move(referral, Action.CANCEL.code(), ReferralStatus.CANCELLED, ReferralWorkflow.CONSENT_WITHDRAWN, null);
        ReferralWorkflow.flush();
        audit.record(referral.id, AuditAction.CONSENT_WITHDRAWN, AuditEntry.Outcome.GRANTED, withdrawal.reasonCode());
        return referral;
    }
}
