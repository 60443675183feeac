package org.mitra.events.referral;

import java.util.Locale;
import org.mitra.events.EventTypes;

/** A referral's state, with the FHIR Task values of the Gravity referral profile. */
public enum ReferralStatus {
    DRAFT, REQUESTED, ACCEPTED, REJECTED, IN_PROGRESS, ON_HOLD, COMPLETED, FAILED, CANCELLED, ENTERED_IN_ERROR;

    /** The event type announcing that a referral reached this status, e.g. {@code org.mitra.referral.accepted.v1}. */
    public String eventType() {
        return EventTypes.of("referral", name().toLowerCase(Locale.ROOT).replace('_', '-'), 1);
    }
}
