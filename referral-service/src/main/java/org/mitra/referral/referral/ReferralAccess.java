package org.mitra.referral.referral;

import static org.mitra.referral.ReferralMessages.MESSAGES;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mitra.events.referral.ReferralStatus;
import org.mitra.referral.lifecycle.ReferralStateMachine;
import org.mitra.referral.lifecycle.Side;
import org.mitra.web.Caller;
import org.mitra.web.Roles;
import org.mitra.web.problem.AccessDeniedException;
import org.mitra.web.problem.ResourceNotFoundException;

/**
 * Who the caller is to a referral. Only the staff of the sending and receiving organizations
 * (caseworkers, org admins, their partner systems; {@link Caller#staffOrganization()}, the one
 * definition of staff) act on it, and only while their organization is VERIFIED in this service's
 * read model of the directory ({@link Caller#verifiedStaffOrganization()}: 403
 * {@code organization-not-verified} otherwise, before anything about the referral is looked up).
 * The receiver sees it once it was submitted ({@link Referral#wasSubmitted()}: a draft cancelled or
 * marked entered in error never reaches it); coalition admins see metadata; for anyone else it
 * does not exist.
 */
@ApplicationScoped
public class ReferralAccess {
    @Inject
    Caller caller;

    /** How long after a referral closes its receiver still reads the person's identity and the sender's note. */
    @ConfigProperty(name = "mitra.referral.identity.receiver-access-after-close", defaultValue = "P30D")
    Duration receiverAccessAfterClose;

    Clock clock = Clock.systemUTC();

    /** Staff of some organization (a staff role and an org claim), whatever the organization's standing. */
    public boolean isStaff() {
        return caller.staffOrganization().isPresent();
    }

    /**
     * The organization the caller acts for: 403 for a caller who is nobody's staff, 403
     * {@code organization-not-verified} for the staff of a pending, suspended or unknown organization.
     */
    public UUID ownOrganization() {
        return caller.verifiedStaffOrganization();
    }

    /**
     * Which side of the referral the caller's organization is. For staff this first requires their
     * organization to be verified (403 {@code organization-not-verified}); anyone else has no side.
     */
    public Optional<Side> sideOf(Referral referral) {
        if (!isStaff()) {
            return Optional.empty();
        }
        return side(ownOrganization(), referral);
    }

    private static Optional<Side> side(UUID own, Referral referral) {
        if (own.equals(referral.sendingOrganizationId)) {
            return Optional.of(Side.SENDER);
        }
        if (own.equals(referral.receivingOrganizationId) && referral.wasSubmitted()) {
            return Optional.of(Side.RECEIVER);
        }
        return Optional.empty();
    }

    /** A coalition admin acting as such (not also some organization's staff, who would act as that staff). */
    public boolean isCoalitionAdmin() {
        return caller.hasRole(Roles.COALITION_ADMIN) && !isStaff();
    }

    /** A referral the caller may see at least the metadata of; 404 otherwise. */
    public Referral visible(UUID id) {
        if (isStaff()) {
            ownOrganization(); // a suspended organization's staff learn nothing, not even whether the referral exists
        }
        return Referral.<Referral>findByIdOptional(id)
                .filter(referral -> sideOf(referral).isPresent() || isCoalitionAdmin())
                .orElseThrow(() -> ResourceNotFoundException.of(MESSAGES.text("noun.referral"), id));
    }

    /** A referral the caller acts on for one of its two organizations: 404 if invisible, 403 for a coalition admin. */
    public Acting acting(UUID id) {
        Referral referral = visible(id);
        Side side = sideOf(referral).orElseThrow(() -> new AccessDeniedException(
                MESSAGES.text("referral.not-party", id)));
        return new Acting(referral, side);
    }

    /**
     * Whether this side may read the person's data on the referral now (the identity, the sender's note, the
     * police report number), apart from consent. The sender always may: the subject is its own. The receiver
     * while the referral is open and for {@code mitra.referral.identity.receiver-access-after-close} (30 days)
     * after it closed (completed, failed, cancelled), and never once it rejected it or the sender marked it
     * entered in error: it never took the person on, or the person was never meant to reach it. Nor once consent on
     * the referral was withdrawn, whoever recorded it.
     */
    public boolean mayReadPersonalData(Referral referral, Side side) {
        if (side == Side.SENDER) {
            return true;
        }
        if (referral.consentWithdrawnAt != null) {
            return false;
        }
        if (ReferralStateMachine.isOpen(referral.status)) {
            return true;
        }
        if (referral.status == ReferralStatus.REJECTED || referral.status == ReferralStatus.ENTERED_IN_ERROR
                || referral.closedAt == null) {
            return false;
        }
        return Instant.now(clock).isBefore(referral.closedAt.plus(receiverAccessAfterClose));
    }

    public String actor() {
        return caller.isAnonymous() ? "anonymous" : caller.username();
    }

    /** The organization named by the token, as recorded in history and audit; it grants nothing. */
    public Optional<UUID> callerOrganization() {
        return caller.organization();
    }

    public record Acting(Referral referral, Side side) {
    }
}
