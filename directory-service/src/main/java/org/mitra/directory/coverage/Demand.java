package org.mitra.directory.coverage;

/** The true counts of referrals seen for a category and region, from which verdicts are made; never published as such to the public. */
public record Demand(
        long requested,
        long rejectedNoCapacity,
        long overdue) {

    public static final Demand NONE = new Demand(0, 0, 0);

    /** Referrals the providers could not take up in time. */
    public long unmet() {
        return rejectedNoCapacity + overdue;
    }

    public Demand plus(Demand other) {
        return new Demand(requested + other.requested, rejectedNoCapacity + other.rejectedNoCapacity, overdue + other.overdue);
    }
}
