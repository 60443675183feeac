package org.mitra.web.problem;

import org.mitra.problems.ProblemText;
import org.mitra.problems.ProblemType;

/** 404: the resource does not exist, or the caller may not know that it exists. */
public class ResourceNotFoundException extends ProblemException {
    public ResourceNotFoundException(String detail) {
        super(ProblemType.NOT_FOUND, detail);
    }

    /** A keyed detail, answered in the client's language (see {@link ProblemException}). */
    public ResourceNotFoundException(ProblemText detail) {
        super(ProblemType.NOT_FOUND, detail);
    }

    /** {@code ResourceNotFoundException.of("Organization", id)}: "Organization 3f2… does not exist". */
    public static ResourceNotFoundException of(String what, Object id) {
        return new ResourceNotFoundException(what + " " + id + " does not exist");
    }

    /**
     * {@code ResourceNotFoundException.of(MESSAGES.text("campaign"), id)}: the same sentence, with the noun a keyed text
     * of the module ("Campaign", "Kampanye"), so the detail is answered in the client's language.
     */
    public static ResourceNotFoundException of(ProblemText what, Object id) {
        return new ResourceNotFoundException(WebMessages.MESSAGES.text("not-found.resource", what, id));
    }
}
