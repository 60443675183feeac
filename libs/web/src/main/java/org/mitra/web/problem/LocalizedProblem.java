package org.mitra.web.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mitra.problems.ProblemLanguages;
import org.mitra.problems.ProblemText;
import org.mitra.problems.ProblemType;

/**
 * A problem body and the one language all of its texts are in, for {@code Content-Language}. A problem is answered in
 * the language the client asked for only when its title, detail and every field message exist in it; if any does not
 * (a detail a service has not keyed yet), the whole problem is English, so no answer is labelled with a language part of
 * it is not in.
 */
public record LocalizedProblem(Problem problem, Locale language) {

    public static LocalizedProblem english(Problem problem) {
        return new LocalizedProblem(problem, ProblemLanguages.ENGLISH);
    }

    /** A problem of {@code type} with {@code detail} (may be null) in {@code wanted}, or in English. */
    public static LocalizedProblem of(ProblemType type, ProblemText detail, Locale wanted) {
        List<ProblemText> texts = new ArrayList<>();
        texts.add(type.titleText());
        texts.add(detail);
        Locale language = ProblemLanguages.common(wanted, texts);
        return new LocalizedProblem(new Problem(type.uri(), type.title(language), type.status(),
                detail == null ? null : detail.render(language), null, Map.of()), language);
    }

    public LocalizedProblem with(String member, Object value) {
        return new LocalizedProblem(problem.with(member, value), language);
    }

    public LocalizedProblem withAll(Map<String, Object> members) {
        return new LocalizedProblem(problem.withAll(members), language);
    }

    /** The {@code Content-Language} value: {@code en} or {@code id}. */
    public String languageTag() {
        return ProblemLanguages.tag(language);
    }
}
