package org.mitra.referral.referral;

import java.util.Locale;

/** A subject's gender as the profile records it; in events as a lower-case word. */
public enum Gender {
    FEMALE, MALE, OTHER, UNKNOWN;

    public String eventCode() {
        return name().toLowerCase(Locale.ROOT);
    }
}
