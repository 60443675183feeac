package org.mitra.directory;

import org.mitra.problems.ProblemMessages;

/**
 * The details and field messages of the directory API's problems, keyed: DirectoryMessages.properties (English) and
 * DirectoryMessages_id.properties (Bahasa Indonesia) next to this class. Arguments are ids, codes, states and limits only.
 */
public final class DirectoryMessages {
    public static final ProblemMessages MESSAGES = ProblemMessages.of(DirectoryMessages.class);

    private DirectoryMessages() {
    }
}
