package org.mitra.referral.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
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
                .orElseThrow(() -> ResourceNotFoundException.of("Referral", id));
    }

    /** A referral the caller acts on for one of its two organizations: 404 if invisible, 403 for a coalition admin. */
    public Acting acting(UUID id) {
        Referral referral = visible(id);
        Side side = sideOf(referral).orElseThrow(() -> new AccessDeniedException(
                "Only the staff of the sending or receiving organization may act on referral " + id));
        return new Acting(referral, side);
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
