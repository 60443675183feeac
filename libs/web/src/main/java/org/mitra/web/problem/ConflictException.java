package org.mitra.web.problem;

import org.mitra.problems.ProblemText;
import org.mitra.problems.ProblemType;

/** 409: the request conflicts with the current state (a duplicate, a concurrent change). */
public class ConflictException extends ProblemException {
    public ConflictException(String detail) {
        super(ProblemType.CONFLICT, detail);
    }

    /** A keyed detail, answered in the client's language (see {@link ProblemException}). */
    public ConflictException(ProblemText detail) {
        super(ProblemType.CONFLICT, detail);
    }
}
