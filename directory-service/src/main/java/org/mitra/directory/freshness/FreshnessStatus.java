package org.mitra.directory.freshness;

/** How current a service's entry is, from best to worst: a service's status is the worst its figures give. */
public enum FreshnessStatus {
    /** Details confirmed and capacity (when reported) updated within their thresholds. */
    FRESH,
    /** The capacity report is older than capacity-due: the details still hold. */
    DUE,
    /** The details were neither edited nor confirmed within details-overdue. */
    OVERDUE,
    /** The details were neither edited nor confirmed within details-stale: search ranks the service last. */
    STALE;

    public FreshnessStatus worse(FreshnessStatus other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
