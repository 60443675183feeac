package org.mitra.web.problem;

import org.mitra.problems.ProblemText;
import org.mitra.problems.ProblemType;

/** 428: this update demands {@code If-Match} and the request had none. */
public class PreconditionRequiredException extends ProblemException {
    public PreconditionRequiredException(String detail) {
        super(ProblemType.PRECONDITION_REQUIRED, detail);
    }

    /** A keyed detail, answered in the client's language (see {@link ProblemException}). */
    public PreconditionRequiredException(ProblemText detail) {
        super(ProblemType.PRECONDITION_REQUIRED, detail);
    }
}
