package org.mitra.web.problem;

import java.util.UUID;
import org.mitra.problems.ProblemType;

/**
 * 403: the caller is staff of an organization the coalition has not verified, or has suspended.
 * Its staff and partner systems may not act on referrals, read data about people or change what the
 * public sees until the coalition verifies it (again). The detail names the status, never a reason
 * given by the coalition: that stays with the organization's own directory entry.
 */
public class OrganizationNotVerifiedException extends ProblemException {
    public OrganizationNotVerifiedException(UUID organizationId, String status) {
        super(ProblemType.ORGANIZATION_NOT_VERIFIED, status == null
                ? WebMessages.MESSAGES.text("organization.unknown", organizationId)
                : WebMessages.MESSAGES.text("organization.not-verified", organizationId, status));
        with("organizationId", organizationId);
        with("organizationStatus", status == null ? "UNKNOWN" : status);
    }
}
