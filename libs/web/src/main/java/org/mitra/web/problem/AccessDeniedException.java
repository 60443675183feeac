package org.mitra.web.problem;

import org.mitra.problems.ProblemText;
import org.mitra.problems.ProblemType;

/** 403: the caller is known but may not do this to this resource (e.g. not the receiving organization). */
public class AccessDeniedException extends ProblemException {
    public AccessDeniedException(String detail) {
        super(ProblemType.FORBIDDEN, detail);
    }

    /** A keyed detail, answered in the client's language (see {@link ProblemException}). */
    public AccessDeniedException(ProblemText detail) {
        super(ProblemType.FORBIDDEN, detail);
    }
}
