package org.mitra.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The verdict on the cases of one property of PropertyAndInventoryIT (API3, API4, API9, API6). Each case prints its
 * failures and fails when any remains, except those KnownFindings.CELLS names exactly: they are printed as KNOWN
 * FINDING and counted in the figures "known findings excluded" and "failures" of the property.
 */
final class Verdict {
    private final Figures figures;
    private final String part;
    private final String section;
    private final String what;
    private final List<String> excused = new ArrayList<>();
    private int failures;

    /** {@code part} prefixes printed failures (API3); {@code section} is the figures' section; {@code what} is checked. */
    Verdict(Figures figures, String part, String section, String what) {
        this.figures = figures;
        this.part = part;
        this.section = section;
        this.what = what;
    }

    /** Prints the case's failures and asserts none remains but known findings. */
    void check(List<String> caseFailures) {
        List<String> remaining = new ArrayList<>();
        synchronized (this) {
            for (String failure : caseFailures) {
                Optional<KnownFindings.Cell> known = KnownFindings.cell(failure);
                if (known.isPresent()) {
                    excused.add(known.get().id());
                    System.out.println("KNOWN FINDING " + known.get().id() + " (" + known.get().reason() + "): " + failure + "\n");
                } else {
                    remaining.add(failure);
                    System.out.println(part + " FAILURE " + failure + "\n");
                }
            }
            failures += remaining.size();
        }
        // The first line of the first failure names the case, so that the build's summary of failures does.
        String first = remaining.isEmpty() ? "" : remaining.get(0).lines().findFirst().orElse("");
        assertThat(remaining).as("%s: %s", what, first).isEmpty();
    }

    /** Puts the verdict's two rows as they are now. */
    synchronized void figures() {
        figures.put(section, "known findings excluded (KnownFindings): " + what, excused.size() + (excused.isEmpty() ? "" : " " + excused));
        figures.put(section, "failures: " + what, failures);
    }
}
