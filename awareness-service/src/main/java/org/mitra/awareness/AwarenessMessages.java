package org.mitra.awareness;

import org.mitra.problems.ProblemMessages;

/**
 * The details and field messages of the awareness API's problems, keyed: AwarenessMessages.properties (English) and
 * AwarenessMessages_id.properties (Bahasa Indonesia) next to this class. Arguments are ids, codes and states only.
 */
public final class AwarenessMessages {
    public static final ProblemMessages MESSAGES = ProblemMessages.of(AwarenessMessages.class);

    private AwarenessMessages() {
    }
}
