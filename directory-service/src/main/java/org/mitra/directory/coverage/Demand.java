package org.mitra.directory.coverage;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Demand seen in referrals for a category and region, from the referral lifecycle events. */
@Schema(description = "Demand seen in referrals: requested, rejected for lack of capacity, and left overdue")
public record Demand(
        @Schema(examples = "12") long requested,
        @Schema(examples = "3") long rejectedNoCapacity,
        @Schema(examples = "1") long overdue) {

    public static final Demand NONE = new Demand(0, 0, 0);

    /** Referrals the providers could not take up in time. */
    public long unmet() {
        return rejectedNoCapacity + overdue;
    }

    public Demand plus(Demand other) {
        return new Demand(requested + other.requested, rejectedNoCapacity + other.rejectedNoCapacity, overdue + other.overdue);
    }
}
