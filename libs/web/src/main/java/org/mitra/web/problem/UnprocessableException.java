package org.mitra.web.problem;

import org.mitra.problems.ProblemText;
import org.mitra.problems.ProblemType;

/** 422: well-formed and valid, but the domain cannot act on it (e.g. a pledge to a closed campaign). */
public class UnprocessableException extends ProblemException {
    public UnprocessableException(String detail) {
        super(ProblemType.UNPROCESSABLE, detail);
    }

    /** A keyed detail, answered in the client's language (see {@link ProblemException}). */
    public UnprocessableException(ProblemText detail) {
        super(ProblemType.UNPROCESSABLE, detail);
    }
}
