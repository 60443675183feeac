package org.mitra.events.directory;

/** Whether a service can take someone now (Open Referral's draft service_capacity, plus a status). */
public enum CapacityStatus {
    CAPACITY, NO_CAPACITY, WAITLIST, ASSESSMENT_REQUIRED
}
