package org.mitra.referral.followup;

import static org.mitra.referral.ReferralMessages.MESSAGES;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.mitra.events.referral.ReferralStatus;
import org.mitra.problems.ProblemText;
import org.mitra.referral.lifecycle.ReferralWorkflow;
import org.mitra.referral.lifecycle.Side;
import org.mitra.referral.overdue.Deadlines;
import org.mitra.referral.referral.Referral;
import org.mitra.referral.referral.ReferralAccess;
import org.mitra.web.etag.EntityTags;
import org.mitra.web.etag.IfMatch;
import org.mitra.web.problem.AccessDeniedException;
import org.mitra.web.problem.ConflictException;
import org.mitra.web.problem.InvalidRequestException;

/**
 * The receiver's work with the person after it took a referral on: its attempts to reach them (three that did not are
 * what {@code LOST_CONTACT} needs) and its follow-up day. Both sides read them; only the receiver records them.
 */
@ApplicationScoped
public class ContactAttempts {
    /** Unreached attempts a receiver records before it may complete a referral with {@code LOST_CONTACT}. */
    public static final int BEFORE_LOST_CONTACT = 3;
    /** How far ahead a follow-up may be set. */
    static final int MAX_YEARS_AHEAD = 5;
    private static final EnumSet<ReferralStatus> UNDER_WAY = EnumSet.of(ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS,
            ReferralStatus.ON_HOLD);
    /**
     * The statuses in which a follow-up is set and owed: once the receiver took the referral on. A referral cancelled
     * or marked entered in error after its follow-up was set owes none.
     */
    public static final Set<ReferralStatus> FOLLOWED_UP = Collections.unmodifiableSet(EnumSet.of(ReferralStatus.ACCEPTED,
            ReferralStatus.IN_PROGRESS, ReferralStatus.ON_HOLD, ReferralStatus.COMPLETED, ReferralStatus.FAILED));
    private static final EnumSet<ReferralStatus> TAKEN_ON = EnumSet.of(ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS,
            ReferralStatus.ON_HOLD, ReferralStatus.COMPLETED, ReferralStatus.FAILED);

    @Inject
    ReferralAccess access;

    @Inject
    Deadlines deadlines;

    /** Milliseconds (libs/web's {@link org.mitra.web.Clocks}). */
    @Inject
    Clock clock;

    /** How many recorded attempts on the referral did not reach the person. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long unreached(UUID referralId) {
        return ContactAttempt.count("referralId = ?1 and reached = false", referralId);
    }

    /** Records an attempt of the receiver while the referral is under way (accepted, in progress, on hold). */
    @Transactional(Transactional.TxType.MANDATORY)
    public ContactAttempt record(UUID referralId, ContactAttemptRequest request) {
        Referral referral = receiversReferral(referralId, MESSAGES.text("followup.what.contact-attempt"));
        if (!UNDER_WAY.contains(referral.status)) {
            throw new ConflictException(MESSAGES.text("followup.contact-under-way", referralId, referral.status))
                    .with("currentState", referral.status.name());
        }
        if (referral.requestedAt != null && request.attemptedAt().isBefore(referral.requestedAt)) {
            throw InvalidRequestException.of("attemptedAt", MESSAGES.text("field.attempted-at"));
        }
        ContactAttempt attempt = new ContactAttempt();
        attempt.id = UUID.randomUUID();
        attempt.referralId = referralId;
        attempt.attemptedAt = request.attemptedAt();
        attempt.channel = request.channel();
        attempt.reached = request.reached();
        attempt.actor = access.actor();
        attempt.organizationId = access.callerOrganization().orElse(null);
        attempt.recordedAt = clock.instant();
        attempt.persist();
        ReferralWorkflow.flush();
        return attempt;
    }

    /** The attempts, oldest first, for the referral's two organizations. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ContactAttempt> of(UUID referralId) {
        access.acting(referralId);
        return ContactAttempt.list("referralId", Sort.ascending("attemptedAt").and("id"), referralId);
    }

    /**
     * Sets the receiver's follow-up day, or records it done. Once the receiver took the referral on (accepted, then
     * also after it completed or failed), never after the person withdrew consent: nobody follows up on them then.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Referral followUp(UUID referralId, String ifMatch, FollowUpRequest request) {
        Referral referral = receiversReferral(referralId, MESSAGES.text("followup.what.follow-up"));
        IfMatch.check(ifMatch, EntityTags.of(referral.id, referral.version));
        if (!TAKEN_ON.contains(referral.status)) {
            throw new ConflictException(MESSAGES.text("followup.not-taken-on", referralId, referral.status))
                    .with("currentState", referral.status.name());
        }
        if (referral.consentWithdrawnAt != null) {
            throw new ConflictException(MESSAGES.text("followup.consent-withdrawn", referralId))
                    .with("consentWithdrawn", true);
        }
        // A due day already past is allowed: the receiver may record a follow-up it owes since then.
        LocalDate requested = referral.requestedAt.atZone(deadlines.zone()).toLocalDate();
        if (request.dueOn().isBefore(requested.minusYears(1)) || request.dueOn().isAfter(today().plusYears(MAX_YEARS_AHEAD))) {
            throw InvalidRequestException.of("dueOn", MESSAGES.text("field.due-on", MAX_YEARS_AHEAD));
        }
        if (request.doneOn() != null && request.doneOn().isBefore(requested)) {
            throw InvalidRequestException.of("doneOn", MESSAGES.text("field.not-before-requested", requested));
        }
        if (request.doneOn() != null && request.doneOn().isAfter(today())) {
            throw InvalidRequestException.of("doneOn", MESSAGES.text("field.not-after-today", today()));
        }
        referral.followUpDueOn = request.dueOn();
        referral.followUpDoneOn = request.doneOn();
        referral.updatedAt = clock.instant();
        ReferralWorkflow.flush();
        return referral;
    }

    /** Today in the coalition's time zone: a follow-up due before it and not done is owed. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(deadlines.zone()));
    }

    /** The referral for the organization that works with the person: its receiver, or the sender of an external one. */
    private Referral receiversReferral(UUID referralId, ProblemText what) {
        ReferralAccess.Acting acting = access.acting(referralId);
        if (acting.side() != Side.RECEIVER && !acting.referral().isExternal()) {
            throw new AccessDeniedException(MESSAGES.text("followup.receiver-only", what, referralId));
        }
        return acting.referral();
    }
}
