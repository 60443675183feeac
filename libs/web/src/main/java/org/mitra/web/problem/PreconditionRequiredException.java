package org.mitra.web.problem;

/** 428: this update demands {@code If-Match} and the request had none. */
public class PreconditionRequiredException extends ProblemException {
    public PreconditionRequiredException(String detail) {
        super(ProblemType.PRECONDITION_REQUIRED, detail);
    }
}
