package org.mitra.directory.freshness;

/** Why a service is not FRESH; stable codes a client may translate. */
public enum FreshnessReason {
    /** Capacity was reported longer ago than capacity-due (makes the service DUE). */
    CAPACITY_DUE,
    /** Details were neither edited nor confirmed within details-overdue (OVERDUE). */
    DETAILS_OVERDUE,
    /** Details were neither edited nor confirmed within details-stale (STALE; replaces DETAILS_OVERDUE). */
    DETAILS_STALE
}
