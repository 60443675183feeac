package org.mitra.web.problem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mitra.problems.ProblemLanguages;
import org.mitra.problems.ProblemText;
import org.mitra.problems.ProblemType;

/**
 * What domain code throws to fail a request. The detail is written for the client: it must name
 * ids and states, never personal data. {@code libs/web} turns it into a problem body; no stack trace
 * is captured, because these are expected outcomes, not bugs.
 *
 * <p>A detail given as a {@link ProblemText} (a keyed message of the module's {@code ProblemMessages}) is answered in
 * the client's language; one given as a plain string is English, and so is then the whole problem.
 */
public abstract class ProblemException extends RuntimeException {
    private final ProblemType type;
    private final ProblemText detailText;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    protected ProblemException(ProblemType type, String detail) {
        super(detail, null, false, false);
        this.type = type;
        this.detailText = detail == null ? null : ProblemText.english(detail);
    }

    protected ProblemException(ProblemType type, ProblemText detail) {
        super(detail == null ? null : detail.english(), null, false, false);
        this.type = type;
        this.detailText = detail;
    }

    public ProblemType type() {
        return type;
    }

    public String detail() {
        return getMessage();
    }

    /** The detail in every language it exists in; null when there is none. */
    public ProblemText detailText() {
        return detailText;
    }

    /** Adds an extension member to the problem body, e.g. {@code with("organizationId", id)}. */
    public ProblemException with(String member, Object value) {
        extensions.put(member, value);
        return this;
    }

    public Problem toProblem() {
        return Problem.of(type, detail()).withAll(extensions);
    }

    /** The problem in {@code wanted} when every text of it is translated, otherwise in English ({@link #toProblem()}). */
    public LocalizedProblem localized(Locale wanted) {
        List<ProblemText> texts = new ArrayList<>();
        texts.add(type.titleText());
        texts.add(detailText);
        texts.addAll(memberTexts());
        Locale language = ProblemLanguages.common(wanted, texts);
        if (language.equals(ProblemLanguages.ENGLISH)) {
            return LocalizedProblem.english(toProblem());
        }
        Problem problem = new Problem(type.uri(), type.title(language), type.status(),
                detailText == null ? null : detailText.render(language), null, Map.of()).withAll(extensions);
        return new LocalizedProblem(membersIn(problem, language), language);
    }

    /** Texts of extension members (field messages) that must exist in a language for the problem to be in it. */
    protected List<ProblemText> memberTexts() {
        return List.of();
    }

    /** The problem with the members of {@link #memberTexts()} in {@code language}. */
    protected Problem membersIn(Problem problem, Locale language) {
        return problem;
    }
}
