package org.mitra.directory.taxonomy;

import java.util.Locale;
import java.util.Optional;

/** The four slices of the anti-trafficking pie. */
public enum Slice {
    ADVOCACY, PREVENTION, INTERVENTION, REHABILITATION;

    /** The slice's own taxonomy code, e.g. {@code intervention}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Accepts {@code intervention} as well as {@code INTERVENTION}, as callers write either. */
    public static Optional<Slice> parse(String text) {
        for (Slice slice : values()) {
            if (slice.name().equalsIgnoreCase(text)) {
                return Optional.of(slice);
            }
        }
        return Optional.empty();
    }
}
