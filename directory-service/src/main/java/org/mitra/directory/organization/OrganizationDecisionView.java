package org.mitra.directory.organization;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mitra.events.directory.OrganizationStatus;

@Schema(name = "OrganizationDecision", description = "A coalition decision on an organization: what it left, who decided and why")
public record OrganizationDecisionView(
        Instant decidedAt,
        @Schema(description = "The coalition admin's user name", examples = "coalition-admin") String decidedBy,
        @Schema(examples = "VERIFIED") OrganizationStatus status,
        @Schema(examples = "MoU with Polda Bali seen on 2026-11-30") String reason,
        @Schema(examples = "Pondok Gerasa") String name,
        @Schema(examples = "pondok-gerasa") String slug,
        boolean worksWithLawEnforcement) {

    static OrganizationDecisionView of(OrganizationDecision decision) {
        return new OrganizationDecisionView(decision.decidedAt, decision.decidedBy, decision.status, decision.reason,
                decision.name, decision.slug, decision.worksWithLawEnforcement);
    }
}
