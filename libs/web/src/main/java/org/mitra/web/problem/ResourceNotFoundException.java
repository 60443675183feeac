package org.mitra.web.problem;

import org.mitra.problems.ProblemType;

/** 404: the resource does not exist, or the caller may not know that it exists. */
public class ResourceNotFoundException extends ProblemException {
    public ResourceNotFoundException(String detail) {
        super(ProblemType.NOT_FOUND, detail);
    }

    /** {@code ResourceNotFoundException.of("Organization", id)}: "Organization 3f2… does not exist". */
    public static ResourceNotFoundException of(String what, Object id) {
        return new ResourceNotFoundException(what + " " + id + " does not exist");
    }
}
