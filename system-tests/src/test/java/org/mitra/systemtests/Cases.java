package org.mitra.systemtests;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** Building blocks of PropertyAndInventoryIT's dynamic cases. */
final class Cases {
    private Cases() {
    }

    /** Adds what every answer must satisfy (ResponseChecks) to the case's failures. */
    static List<String> withResponseChecks(List<String> failures, Http.Exchange answer, String cell) {
        ResponseChecks.check(answer).forEach(finding -> failures.add(finding.violation() + " " + cell + "\n" + answer.describe()));
        return failures;
    }

    /** Puts the property's figures, then its verdict's: now, so that the rows keep this order, and whenever run again. */
    static Runnable figures(Runnable property, Verdict verdict) {
        Runnable figures = () -> {
            property.run();
            verdict.figures();
        };
        figures.run();
        return figures;
    }

    /** The nodes the supplier makes, made when JUnit runs their container (after the cases before it), not when listed. */
    static <T> Stream<T> lazily(Supplier<Stream<T>> nodes) {
        return Stream.of(nodes).flatMap(Supplier::get);
    }
}
