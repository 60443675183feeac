package org.mitra.web.problem;

import org.mitra.problems.ProblemText;
import org.mitra.problems.ProblemType;

/** 412: a request precondition such as {@code If-Match} does not hold; the client must re-read. */
public class PreconditionFailedException extends ProblemException {
    public PreconditionFailedException(String detail) {
        super(ProblemType.PRECONDITION_FAILED, detail);
    }

    /** A keyed detail, answered in the client's language (see {@link ProblemException}). */
    public PreconditionFailedException(ProblemText detail) {
        super(ProblemType.PRECONDITION_FAILED, detail);
    }
}
