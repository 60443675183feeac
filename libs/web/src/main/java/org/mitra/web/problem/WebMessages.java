package org.mitra.web.problem;

import org.mitra.problems.ProblemMessages;

/**
 * The details and field messages libs/web writes itself, keyed: {@code WebMessages.properties} (English) and
 * {@code WebMessages_id.properties} (Bahasa Indonesia) next to this class.
 */
public final class WebMessages {
    public static final ProblemMessages MESSAGES = ProblemMessages.of(WebMessages.class);

    private WebMessages() {
    }
}
