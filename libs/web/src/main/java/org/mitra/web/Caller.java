package org.mitra.web;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.mitra.web.problem.AccessDeniedException;
import org.mitra.web.problem.OrganizationNotVerifiedException;

/**
 * Who is calling, in the coalition's terms: roles, and the organization the token's {@code org}
 * claim names. Authorization that depends on data asks this bean, next to the load.
 *
 * <p>One definition of "staff of organization X" for every service: a token whose {@code org}
 * claim names X <em>and</em> that holds a staff role ({@link Roles#STAFF}). An {@code org} claim
 * alone makes nobody staff. Acting as staff (referrals, data about people, anything the public
 * sees) further needs X to be {@code VERIFIED}: {@link #verifiedStaffOrganization()}.
 */
@RequestScoped
public class Caller {
    public static final String ORG_CLAIM = "org";

    @Inject
    SecurityIdentity identity;

    @Inject
    Instance<MemberStandings> standings;

    private final Map<UUID, Optional<String>> statuses = new HashMap<>();

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    public String subject() {
        return isAnonymous() ? null : identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    /**
     * The organization the token's {@code org} claim names, if it is a well-formed id. This says
     * nothing about the caller's rights there: use {@link #staffOrganization()} for those.
     */
    public Optional<UUID> organization() {
        if (isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Optional.empty();
        }
        Object org = token.getClaim(ORG_CLAIM);
        if (org == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(org.toString().replace("\"", "")));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    /** The organization the caller is staff of (org claim and a staff role together), whatever its status. */
    public Optional<UUID> staffOrganization() {
        return Roles.STAFF.stream().anyMatch(this::hasRole) ? organization() : Optional.empty();
    }

    /** Staff of this organization (any status). */
    public boolean isStaffOf(UUID organizationId) {
        return organizationId != null && staffOrganization().map(organizationId::equals).orElse(false);
    }

    /** An org-admin of this organization (any status). */
    public boolean isAdminOf(UUID organizationId) {
        return hasRole(Roles.ORG_ADMIN) && organization().map(organizationId::equals).orElse(false);
    }

    /** Staff of this organization, and the organization is verified now. */
    public boolean isVerifiedStaffOf(UUID organizationId) {
        return isStaffOf(organizationId) && isVerified(organizationId);
    }

    /** An org-admin of this organization, and the organization is verified now. */
    public boolean isVerifiedAdminOf(UUID organizationId) {
        return isAdminOf(organizationId) && isVerified(organizationId);
    }

    /**
     * The organization the caller acts for as staff, which must be verified now: 403 for a caller
     * who is no organization's staff, 403 {@code organization-not-verified} for the staff of a
     * pending, suspended or unknown organization.
     */
    public UUID verifiedStaffOrganization() {
        UUID organizationId = staffOrganization().orElseThrow(() -> new AccessDeniedException(
                "Only the staff of an organization (a staff role and an org claim) may do this"));
        String status = statusOf(organizationId).orElse(null);
        if (!MemberStandings.VERIFIED.equals(status)) {
            throw new OrganizationNotVerifiedException(organizationId, status);
        }
        return organizationId;
    }

    /** Whether the organization is verified now, by the service's own record of the directory. */
    public boolean isVerified(UUID organizationId) {
        return MemberStandings.VERIFIED.equals(statusOf(organizationId).orElse(null));
    }

    /** Each organization's status once per request: the checks of one request ask for it several times. */
    private Optional<String> statusOf(UUID organizationId) {
        if (standings.isUnsatisfied()) {
            return Optional.empty(); // fail closed: a service that never says who is verified verifies nobody
        }
        return statuses.computeIfAbsent(organizationId, id -> standings.get().statusOf(id));
    }

    /** The token's user name (Keycloak's {@code preferred_username}), or its subject. */
    public String username() {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getClaim("preferred_username") != null) {
            return token.getClaim("preferred_username").toString().replace("\"", "");
        }
        return subject();
    }
}
