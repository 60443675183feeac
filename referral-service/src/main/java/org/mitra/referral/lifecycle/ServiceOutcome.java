package org.mitra.referral.lifecycle;

/**
 * What came of a completed referral for the person, as closed-loop referral networks record it: the receiver says so
 * when it completes the referral.
 */
public enum ServiceOutcome {
    /** The person received the services they were referred for. */
    GOT_HELP,
    /** Some of them. */
    PARTIALLY_HELPED,
    /** The person was offered them and declined. */
    DECLINED_SERVICE,
    /** The receiver could not reach the person: only after three recorded contact attempts that did not reach them. */
    LOST_CONTACT,
    /** The receiver referred the person on to another organization. */
    REFERRED_ON
}
