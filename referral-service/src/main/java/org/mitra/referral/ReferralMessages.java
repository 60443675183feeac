package org.mitra.referral;

import org.mitra.problems.ProblemMessages;

/**
 * The details and field messages of the referral API's problems, keyed: ReferralMessages.properties (English) and
 * ReferralMessages_id.properties (Bahasa Indonesia) next to this class. Arguments are ids, codes, states, dates and
 * limits only, never what a person is called or what a sender wrote about them.
 */
public final class ReferralMessages {
    public static final ProblemMessages MESSAGES = ProblemMessages.of(ReferralMessages.class);

    private ReferralMessages() {
    }
}
