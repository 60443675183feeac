package org.mitra.web.problem;

import java.util.Collection;
import java.util.List;
import org.mitra.problems.ProblemType;

/**
 * 409: the action is not allowed from the resource's current state. The body carries
 * {@code currentState} and {@code allowedActions} so a client can offer what is possible.
 */
public class InvalidTransitionException extends ProblemException {
    public InvalidTransitionException(String action, String currentState, Collection<String> allowedActions) {
        super(ProblemType.INVALID_TRANSITION, WebMessages.MESSAGES.text("invalid-transition", action, currentState));
        with("currentState", currentState);
        with("allowedActions", List.copyOf(allowedActions));
    }
}
