package org.mitra.events.referral;

/** How soon the receiver must answer: EMERGENCY in hours, HIGH within a day, ROUTINE in two business days. */
public enum Urgency {
    EMERGENCY, HIGH, ROUTINE
}
