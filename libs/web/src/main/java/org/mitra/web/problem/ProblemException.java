package org.mitra.web.problem;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mitra.problems.ProblemType;

/**
 * What domain code throws to fail a request. The detail is written for the client: it must name
 * ids and states, never personal data. {@code libs/web} turns it into a problem body; no stack trace
 * is captured, because these are expected outcomes, not bugs.
 */
public abstract class ProblemException extends RuntimeException {
    private final ProblemType type;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    protected ProblemException(ProblemType type, String detail) {
        super(detail, null, false, false);
        this.type = type;
    }

    public ProblemType type() {
        return type;
    }

    public String detail() {
        return getMessage();
    }

    /** Adds an extension member to the problem body, e.g. {@code with("organizationId", id)}. */
    public ProblemException with(String member, Object value) {
        extensions.put(member, value);
        return this;
    }

    public Problem toProblem() {
        return Problem.of(type, detail()).withAll(extensions);
    }
}
