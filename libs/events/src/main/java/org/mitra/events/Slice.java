package org.mitra.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The four slices of anti-trafficking work; in JSON as lower-case words ({@code "advocacy"}). */
public enum Slice {
    ADVOCACY, PREVENTION, INTERVENTION, REHABILITATION;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a slice from its code, in any case; {@code null} for an unknown slice (ignored, like unknown fields). */
    @JsonCreator
    public static Slice fromCode(String code) {
        for (Slice slice : values()) {
            if (slice.name().equalsIgnoreCase(code)) {
                return slice;
            }
        }
        return null;
    }
}
