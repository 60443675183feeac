package org.mitra.web.problem;

import java.util.Locale;
import java.util.Objects;
import org.mitra.problems.ProblemText;

/**
 * One bad field whose message is a keyed {@link ProblemText}, so that it can be answered in the client's language;
 * {@link FieldViolation} is the same in English only. The message says what is wrong, never the rejected value.
 */
public record FieldMessage(String field, ProblemText message) {
    public FieldMessage {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    public static FieldMessage english(FieldViolation violation) {
        return new FieldMessage(violation.field(), ProblemText.english(violation.message()));
    }

    public FieldViolation in(Locale language) {
        return new FieldViolation(field, message.render(language));
    }
}
