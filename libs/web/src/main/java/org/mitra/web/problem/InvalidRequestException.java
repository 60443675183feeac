package org.mitra.web.problem;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.mitra.problems.ProblemLanguages;
import org.mitra.problems.ProblemText;
import org.mitra.problems.ProblemType;

/** 400: request parameters that Bean Validation cannot check, with every bad field listed. */
public class InvalidRequestException extends ProblemException {
    private final List<FieldViolation> errors;
    private final List<FieldMessage> messages;

    public InvalidRequestException(List<FieldViolation> errors) {
        this(errors.stream().map(FieldMessage::english).toList(), errors.size());
    }

    private InvalidRequestException(List<FieldMessage> messages, int count) {
        super(ProblemType.VALIDATION_FAILED, count == 1 ? WebMessages.MESSAGES.text("validation.one-field")
                : WebMessages.MESSAGES.text("validation.fields", count));
        this.messages = List.copyOf(messages);
        this.errors = this.messages.stream().map(message -> message.in(ProblemLanguages.ENGLISH)).toList();
        with("errors", this.errors);
    }

    public static InvalidRequestException of(String field, String message) {
        return new InvalidRequestException(List.of(new FieldViolation(field, message)));
    }

    /** One bad field with a keyed message, answered in the client's language. */
    public static InvalidRequestException of(String field, ProblemText message) {
        return of(List.of(new FieldMessage(field, message)));
    }

    /** Every bad field, with keyed messages, answered in the client's language when all of them are translated. */
    public static InvalidRequestException of(Collection<FieldMessage> errors) {
        return new InvalidRequestException(List.copyOf(errors), errors.size());
    }

    /** The bad fields with their English messages. */
    public List<FieldViolation> errors() {
        return errors;
    }

    public List<FieldMessage> messages() {
        return messages;
    }

    @Override
    protected List<ProblemText> memberTexts() {
        return messages.stream().map(FieldMessage::message).toList();
    }

    @Override
    protected Problem membersIn(Problem problem, Locale language) {
        return problem.with("errors", messages.stream().map(message -> message.in(language)).toList());
    }
}
