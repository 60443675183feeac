package org.mitra.web.etag;

import jakarta.ws.rs.core.EntityTag;
import java.util.ArrayList;
import java.util.List;
import org.mitra.web.problem.PreconditionFailedException;
import org.mitra.web.problem.PreconditionRequiredException;
import org.mitra.web.problem.WebMessages;

/**
 * An {@code If-Match} header (RFC 9110 section 13.1.1): {@code *} or a list of entity tags, compared
 * strongly, so a weak tag never matches. A header that cannot be parsed matches nothing.
 *
 * <p>Updates call {@link #check} (If-Match optional: a client that sends it is protected from lost
 * updates, one that does not still works) or {@link #require} where a blind overwrite must never
 * happen (428 without the header).
 */
public final class IfMatch {
    public static final String HEADER = "If-Match";

    private final boolean present;
    private final boolean any;
    private final List<String> strongTags;

    private IfMatch(boolean present, boolean any, List<String> strongTags) {
        this.present = present;
        this.any = any;
        this.strongTags = List.copyOf(strongTags);
    }

    public static IfMatch parse(String header) {
        if (header == null || header.isBlank()) {
            return new IfMatch(false, false, List.of());
        }
        if (header.trim().equals("*")) {
            return new IfMatch(true, true, List.of());
        }
        List<String> strong = new ArrayList<>();
        int i = 0;
        while (i < header.length()) {
            char c = header.charAt(i);
            if (c == ' ' || c == '\t' || c == ',') {
                i++;
                continue;
            }
            boolean weak = header.startsWith("W/", i);
            int open = weak ? i + 2 : i;
            int close = open < header.length() && header.charAt(open) == '"' ? header.indexOf('"', open + 1) : -1;
            if (close < 0) {
                return new IfMatch(true, false, List.of());
            }
            if (!weak) {
                strong.add(header.substring(open + 1, close));
            }
            i = close + 1;
        }
        return new IfMatch(true, false, strong);
    }

    public boolean isPresent() {
        return present;
    }

    /** Whether the header lets a change to the resource whose current tag is {@code current} go ahead. */
    public boolean matches(EntityTag current) {
        if (!present) {
            return true;
        }
        return any || (!current.isWeak() && strongTags.contains(current.getValue()));
    }

    /** If-Match optional: absent passes, present and stale is a 412. */
    public static void check(String header, EntityTag current) {
        if (!parse(header).matches(current)) {
            throw new PreconditionFailedException(WebMessages.MESSAGES.text("if-match.stale"));
        }
    }

    /** If-Match required: absent is a 428, stale a 412. */
    public static void require(String header, EntityTag current) {
        if (!parse(header).isPresent()) {
            throw new PreconditionRequiredException(WebMessages.MESSAGES.text("if-match.required"));
        }
        check(header, current);
    }
}
