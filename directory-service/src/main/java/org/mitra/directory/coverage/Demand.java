package org.mitra.directory.coverage;

import jakarta.persistence.Tuple;

/** The true counts of referrals seen for a category and region, from which verdicts are made; never published as such to the public. */
public record Demand(
        long requested,
        long rejectedNoCapacity,
        long overdue) {

    public static final Demand NONE = new Demand(0, 0, 0);

    /**
     * A demand row of a native query, by its column aliases: {@code requested}, {@code rejected_no_capacity} and
     * {@code overdue} (numbers, null read as 0).
     */
    public static Demand of(Tuple row) {
        return new Demand(Supply.number(row.get("requested")), Supply.number(row.get("rejected_no_capacity")),
                Supply.number(row.get("overdue")));
    }

    /** Referrals the providers could not take up in time. */
    public long unmet() {
        return rejectedNoCapacity + overdue;
    }

    public Demand plus(Demand other) {
        return new Demand(requested + other.requested, rejectedNoCapacity + other.rejectedNoCapacity, overdue + other.overdue);
    }
}
