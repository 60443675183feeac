package org.mitra.web.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.ValidationException;
import jakarta.validation.metadata.ConstraintDescriptor;
import java.util.Locale;
import java.util.Optional;
import org.mitra.problems.ProblemLanguages;
import org.mitra.problems.ProblemText;

/**
 * A Bean Validation message in the languages its template has a translation in. The template is interpolated again
 * per language (Hibernate Validator's bundles: ValidationMessages, libs/web's ContributorValidationMessages, its own);
 * the message counts as translated only when the result differs from the English one, so a literal English
 * template, or a key no bundle of the language has, stays English and keeps the whole problem English. A template
 * that cannot be interpolated again (one needing the validator's own context) keeps the validator's message, as
 * English.
 */
final class ViolationText implements ProblemText {
    private final ConstraintViolation<?> violation;
    private final MessageInterpolator interpolator;
    private final String english;

    ViolationText(ConstraintViolation<?> violation, MessageInterpolator interpolator) {
        this.violation = violation;
        this.interpolator = interpolator;
        this.english = interpolate(ProblemLanguages.ENGLISH).orElseGet(violation::getMessage);
    }

    @Override
    public Optional<String> in(Locale language) {
        if (language.getLanguage().equals(ProblemLanguages.ENGLISH.getLanguage())) {
            return Optional.of(english);
        }
        return interpolate(language).filter(translated -> !translated.equals(english));
    }

    private Optional<String> interpolate(Locale language) {
        if (violation.getMessageTemplate() == null || violation.getConstraintDescriptor() == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(interpolator.interpolate(violation.getMessageTemplate(), new Context(violation),
                    language));
        } catch (RuntimeException notInterpolable) {
            // A locale the validator was not configured for (quarkus.locales), or a template needing its own context.
            return Optional.empty();
        }
    }

    private record Context(ConstraintViolation<?> violation) implements MessageInterpolator.Context {
        @Override
        public ConstraintDescriptor<?> getConstraintDescriptor() {
            return violation.getConstraintDescriptor();
        }

        @Override
        public Object getValidatedValue() {
            return violation.getInvalidValue();
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            if (type.isInstance(this)) {
                return type.cast(this);
            }
            throw new ValidationException("No " + type.getName() + " for a message interpolated again");
        }
    }
}
