package org.mitra.referral.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.mitra.events.referral.ReferralStatus;
import org.mitra.referral.Roles;
import org.mitra.referral.lifecycle.Side;
import org.mitra.web.Caller;
import org.mitra.web.problem.AccessDeniedException;
import org.mitra.web.problem.ResourceNotFoundException;

/**
 * Who the caller is to a referral. Only the staff of the sending and receiving organizations
 * (caseworkers, org admins, their partner systems) act on it; the receiver sees it once it is
 * submitted; coalition admins see metadata; for anyone else it does not exist.
 */
@ApplicationScoped
public class ReferralAccess {
    @Inject
    Caller caller;

    /** Staff of some organization: may create referrals and act for that organization. */
    public boolean isStaff() {
        return caller.organization().isPresent()
                && (caller.hasRole(Roles.CASEWORKER) || caller.hasRole(Roles.ORG_ADMIN) || caller.hasRole(Roles.PARTNER_APP));
    }

    public UUID ownOrganization() {
        if (!isStaff()) {
            throw new AccessDeniedException("Only the staff of an organization (a token with an org claim) may do this");
        }
        return caller.organization().orElseThrow();
    }

    public Optional<Side> sideOf(Referral referral) {
        if (!isStaff()) {
            return Optional.empty();
        }
        UUID own = caller.organization().orElseThrow();
        if (own.equals(referral.sendingOrganizationId)) {
            return Optional.of(Side.SENDER);
        }
        if (own.equals(referral.receivingOrganizationId) && referral.status != ReferralStatus.DRAFT) {
            return Optional.of(Side.RECEIVER);
        }
        return Optional.empty();
    }

    public boolean isCoalitionAdmin() {
        return caller.hasRole(Roles.COALITION_ADMIN);
    }

    /** A referral the caller may see at least the metadata of; 404 otherwise. */
    public Referral visible(UUID id) {
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

    public Optional<UUID> callerOrganization() {
        return caller.organization();
    }

    public record Acting(Referral referral, Side side) {
    }
}
