package org.mitra.directory.coverage;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Demand as a caller may see it: exact for coalition admins; for everyone else each count below the
 * disclosure threshold is withheld (null) and the rest rounded down, as in the government feeds.
 */
@Schema(name = "Demand", description = "Referrals seen for the category in the region: requested, rejected for lack of "
        + "capacity, left overdue. Null when withheld because it counts too few people to publish.")
public record PublishedDemand(
        @Schema(examples = "15") Long requested,
        @Schema(examples = "5") Long rejectedNoCapacity,
        @Schema(examples = "0") Long overdue) {

    static PublishedDemand exact(Demand demand) {
        return new PublishedDemand(demand.requested(), demand.rejectedNoCapacity(), demand.overdue());
    }
}
