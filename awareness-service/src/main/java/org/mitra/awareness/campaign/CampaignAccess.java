package org.mitra.awareness.campaign;

import static org.mitra.awareness.AwarenessMessages.MESSAGES;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.mitra.awareness.directory.DirectoryReadModel;
import org.mitra.web.Caller;
import org.mitra.web.Roles;
import org.mitra.web.problem.AccessDeniedException;
import org.mitra.web.problem.InvalidRequestException;

/**
 * Who may see or change a campaign and see the contacts people left with it: anyone sees active and ended ones, drafts
 * only the owner's and the invited co-sponsors' staff and the coalition; the owner's org-admins and coalition admins
 * edit; contacts go to the owner's staff, and to an accepted co-sponsor's staff from its acceptance on.
 *
 * <p>Staff means a staff role and the {@code org} claim together ({@link Caller#isStaffOf}); acting as staff (running
 * a campaign, reading its drafts, seeing the contacts people left) also needs the organization to be verified now,
 * by this service's read model of the directory: the staff of a pending or suspended organization get a 403
 * {@code organization-not-verified} (issue 12 items 4 and 6).
 */
@ApplicationScoped
public class CampaignAccess {
    @Inject
    Caller caller;

    @Inject
    DirectoryReadModel directory;

    /** Public campaigns for everyone; the others for coalition admins and the verified staff of who runs them. */
    public boolean mayRead(Campaign campaign) {
        return campaign.status.isPublic() || caller.hasRole(Roles.COALITION_ADMIN)
                || caller.isVerifiedStaffOf(campaign.organizationId)
                || campaign.coSponsors.stream().anyMatch(caller::isVerifiedStaffOf);
    }

    /** Staff (any status) of the owner or of an invited co-sponsor. */
    private boolean isStaffOfRunner(Campaign campaign) {
        return caller.isStaffOf(campaign.organizationId) || campaign.coSponsors.stream().anyMatch(caller::isStaffOf);
    }

    /**
     * The caller's organization, which must be verified now: a 403 {@code organization-not-verified} for the staff of
     * a pending, suspended or unknown organization.
     */
    private void requireVerifiedStaff() {
        caller.verifiedStaffOrganization();
    }

    /** The owner's org-admins (of a verified owner) and coalition admins change a campaign; nobody else. */
    public void requireEditor(Campaign campaign) {
        if (caller.hasRole(Roles.COALITION_ADMIN)) {
            return;
        }
        if (!caller.isAdminOf(campaign.organizationId)) {
            throw new AccessDeniedException(MESSAGES.text("campaign.change-not-allowed", campaign.id));
        }
        requireVerifiedStaff();
    }

    /**
     * From when on the caller may see the contacts (pledgers' emails, registrants' names and contacts) that people
     * left with this campaign: all of them for the owner's staff, those that arrived after the acceptance for an
     * accepted co-sponsor's staff, none for anyone else. The staff of a running organization that is not verified
     * now get a 403 {@code organization-not-verified}.
     */
    public Optional<Instant> contactsVisibleSince(Campaign campaign) {
        if (caller.isVerifiedStaffOf(campaign.organizationId)) {
            return Optional.of(Instant.EPOCH);
        }
        for (Map.Entry<UUID, Instant> acceptance : campaign.coSponsorAcceptances.entrySet()) {
            if (campaign.coSponsors.contains(acceptance.getKey()) && caller.isVerifiedStaffOf(acceptance.getKey())) {
                return Optional.of(acceptance.getValue());
            }
        }
        if (isStaffOfRunner(campaign)) {
            requireVerifiedStaff();
        }
        return Optional.empty();
    }

    /**
     * For a campaign the caller may not read: the staff of the organizations running it learn that theirs is not
     * verified now (they know the campaign exists) instead of a 404 that hides it from everyone else.
     */
    void requireVerifiedIfRunner(Campaign campaign) {
        if (isStaffOfRunner(campaign)) {
            requireVerifiedStaff();
        }
    }

    /** The organization a new campaign belongs to: a coalition admin names a verified one, an org-admin drafts for its own. */
    UUID ownerFor(UUID requested) {
        if (caller.hasRole(Roles.COALITION_ADMIN)) {
            if (requested == null) {
                throw InvalidRequestException.of("organizationId", MESSAGES.text("field.owner-required"));
            }
            requireVerified("organizationId", requested);
            return requested;
        }
        UUID own = caller.verifiedStaffOrganization();
        if (!caller.isAdminOf(own)) {
            throw new AccessDeniedException(MESSAGES.text("campaign.draft-org-admin-only"));
        }
        if (requested != null && !requested.equals(own)) {
            throw new AccessDeniedException(MESSAGES.text("campaign.draft-own-only"));
        }
        return own;
    }

    /** A 400 on {@code field} unless the organization is verified in this service's read model of the directory. */
    void requireVerified(String field, UUID organization) {
        if (!directory.isVerified(organization)) {
            throw InvalidRequestException.of(field, MESSAGES.text("field.not-verified-member"));
        }
    }
}
