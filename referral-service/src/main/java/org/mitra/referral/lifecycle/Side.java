package org.mitra.referral.lifecycle;

/** Which of the two organizations of a referral the caller acts for. */
public enum Side {
    SENDER, RECEIVER
}
