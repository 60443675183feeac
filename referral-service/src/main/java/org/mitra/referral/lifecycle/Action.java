package org.mitra.referral.lifecycle;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a caller can do to a referral; in JSON as lower-case words joined by '-' ({@code mark-entered-in-error}). */
public enum Action {
    SUBMIT, ACCEPT, REJECT, START, HOLD, RESUME, COMPLETE, FAIL, CANCEL, MARK_ENTERED_IN_ERROR;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Action> fromCode(String code) {
        return Arrays.stream(values()).filter(action -> action.code().equals(code)).findFirst();
    }

    /** Reject, cancel, hold and fail must say why. */
    public boolean needsReason() {
        return this == REJECT || this == CANCEL || this == HOLD || this == FAIL;
    }

    /** Complete must list the services delivered, with dates, and the outcome. */
    public boolean needsCompletion() {
        return this == COMPLETE;
    }
}
