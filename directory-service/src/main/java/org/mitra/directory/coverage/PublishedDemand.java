package org.mitra.directory.coverage;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Demand as a caller may see it. Coalition admins: the exact live counts. Everyone else: the last
 * complete month as the coverage feed publishes it (counts below the disclosure threshold withheld,
 * the rest rounded down), where a zero is withheld exactly like a small count, so the two read the same.
 */
@Schema(name = "Demand", description = "Referrals seen for the category in the region: requested, rejected for lack of "
        + "capacity, left overdue. Coalition admins see exact live counts (the demand window); everyone else sees the last "
        + "complete month (demandPeriod), where null means withheld: fewer than the disclosure threshold, or none at all.")
public record PublishedDemand(
        @Schema(examples = "15") Long requested,
        @Schema(examples = "5") Long rejectedNoCapacity,
        @Schema(examples = "0") Long overdue,
        @Schema(description = "Whether any of the counts is withheld (null): too few to publish, or none; the two are "
                + "never told apart", examples = "false") boolean withheld) {

    /** Nothing shown: every count withheld (too few, or none). */
    public static final PublishedDemand WITHHELD = new PublishedDemand(null, null, null, true);

    static PublishedDemand exact(Demand demand) {
        return new PublishedDemand(demand.requested(), demand.rejectedNoCapacity(), demand.overdue(), false);
    }

    /** Published counts, each null when withheld; a zero becomes withheld like a small count. */
    public static PublishedDemand published(Long requested, Long rejectedNoCapacity, Long overdue) {
        Long shownRequested = PublicDemand.positive(requested);
        Long shownRejected = PublicDemand.positive(rejectedNoCapacity);
        Long shownOverdue = PublicDemand.positive(overdue);
        return new PublishedDemand(shownRequested, shownRejected, shownOverdue,
                shownRequested == null || shownRejected == null || shownOverdue == null);
    }

    /** Whether any of the counts is shown (not withheld). */
    public boolean anyShown() {
        return requested != null || rejectedNoCapacity != null || overdue != null;
    }

    /** The figures a verdict may use: what is published, a withheld count taken as none. */
    public Demand asPublished() {
        return new Demand(requested == null ? 0 : requested, rejectedNoCapacity == null ? 0 : rejectedNoCapacity,
                overdue == null ? 0 : overdue);
    }
}
