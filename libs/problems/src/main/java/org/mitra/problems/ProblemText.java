package org.mitra.problems;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A text of a problem (a title, a detail, a field's message) in the languages Mitra answers in. English is always
 * there; another language only where someone translated it, so a problem is never labelled with a language its text
 * is not in. Texts carry ids, codes and states as arguments, never personal data or a value the client sent.
 */
public interface ProblemText {
    /** The text in {@code language}, or empty when it has no translation into it. English is never empty. */
    Optional<String> in(Locale language);

    default String english() {
        return in(ProblemLanguages.ENGLISH).orElseThrow();
    }

    /** The text in {@code language} where it is translated, otherwise in English. */
    default String render(Locale language) {
        return in(language).orElseGet(this::english);
    }

    /** A text written in English only, e.g. a detail a service has not turned into a keyed message yet. */
    static ProblemText english(String text) {
        Objects.requireNonNull(text, "text");
        return language -> ProblemLanguages.isEnglish(language) ? Optional.of(text) : Optional.empty();
    }
}
