package org.mitra.referral.lifecycle;

import java.util.Optional;

/** How an intervention referral stands with law enforcement, moved forward one step at a time by the receiver. */
public enum BusinessStatus {
    POLICE_NOTIFIED, REPORT_FILED, VICTIM_REMOVED, WITH_PROSECUTOR, VERDICT;

    /** The status that may follow this one; the first one follows none. */
    public static Optional<BusinessStatus> after(BusinessStatus current) {
        if (current == null) {
            return Optional.of(POLICE_NOTIFIED);
        }
        return current.ordinal() + 1 < values().length ? Optional.of(values()[current.ordinal() + 1]) : Optional.empty();
    }
}
