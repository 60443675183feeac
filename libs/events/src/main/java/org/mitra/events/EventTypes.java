package org.mitra.events;

import java.util.regex.Pattern;

/**
 * The naming rule of CloudEvent types: {@code org.mitra.<entity>.<fact in the past tense>.v<major>},
 * lower case, words joined by '-', e.g. {@code org.mitra.referral.accepted.v1}.
 *
 * <p>Within a major version changes are additive only (new optional fields, never a renamed,
 * removed or re-typed one), so consumers ignore what they do not know. A breaking change is a new
 * type ({@code .v2}), published next to the old one until every consumer has moved.
 */
public final class EventTypes {
    public static final String PREFIX = "org.mitra.";
    private static final Pattern RULE = Pattern.compile("org\\.mitra\\.[a-z][a-z-]*\\.[a-z][a-z-]*\\.v[1-9][0-9]*");

    private EventTypes() {
    }

    public static boolean follows(String type) {
        return type != null && RULE.matcher(type).matches();
    }

    public static String requireValid(String type) {
        if (!follows(type)) {
            throw new IllegalArgumentException("Event type does not follow org.mitra.<entity>.<fact>.v<n>: " + type);
        }
        return type;
    }

    /** Builds a type from its parts, e.g. {@code of("referral", "in-progress", 1)}. */
    public static String of(String entity, String fact, int majorVersion) {
        return requireValid(PREFIX + entity + "." + fact + ".v" + majorVersion);
    }
}
