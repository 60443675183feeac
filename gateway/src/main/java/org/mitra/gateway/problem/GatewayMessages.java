package org.mitra.gateway.problem;

import org.mitra.problems.ProblemMessages;

/** The details the gateway writes itself, keyed: GatewayMessages.properties (English) and _id (Bahasa Indonesia). */
public final class GatewayMessages {
    public static final ProblemMessages MESSAGES = ProblemMessages.of(GatewayMessages.class);

    private GatewayMessages() {
    }
}
