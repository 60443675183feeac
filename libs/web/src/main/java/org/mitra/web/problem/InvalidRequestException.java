package org.mitra.web.problem;

import java.util.List;
import org.mitra.problems.ProblemType;

/** 400: request parameters that Bean Validation cannot check, with every bad field listed. */
public class InvalidRequestException extends ProblemException {
    private final List<FieldViolation> errors;

    public InvalidRequestException(List<FieldViolation> errors) {
        super(ProblemType.VALIDATION_FAILED, errors.size() == 1
                ? "1 field is not valid" : errors.size() + " fields are not valid");
        this.errors = List.copyOf(errors);
        with("errors", this.errors);
    }

    public static InvalidRequestException of(String field, String message) {
        return new InvalidRequestException(List.of(new FieldViolation(field, message)));
    }

    public List<FieldViolation> errors() {
        return errors;
    }
}
