package org.mitra.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures a suite proves, printed as a table at its end and written to {@code target/figures/<suite>.md}.
 * Sections keep their order; a later value for the same figure replaces the earlier one.
 */
public final class Figures {
    private final String suite;
    private final Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    public Figures(String suite) {
        this.suite = suite;
    }

    public synchronized Figures put(String section, String figure, Object value) {
        sections.computeIfAbsent(section, name -> new LinkedHashMap<>()).put(figure, String.valueOf(value));
        return this;
    }

    /** Free text under the tables, e.g. the role matrix or a finding. */
    public synchronized Figures note(String text) {
        notes.add(text);
        return this;
    }

    public synchronized String markdown() {
        StringBuilder text = new StringBuilder("# ").append(suite).append("\n");
        sections.forEach((section, figures) -> {
            text.append("\n## ").append(section).append("\n\n| figure | value |\n|---|---|\n");
            figures.forEach((figure, value) -> text.append("| ").append(figure).append(" | ").append(value).append(" |\n"));
        });
        notes.forEach(note -> text.append("\n").append(note).append("\n"));
        return text.toString();
    }

    /** Prints the figures and writes them to target/figures/{suite}.md. */
    public synchronized void publish() {
        String markdown = markdown();
        System.out.println("\n==== figures: " + suite + " ====\n" + markdown);
        try {
            Path directory = Files.createDirectories(Path.of("target", "figures"));
            Files.writeString(directory.resolve(suite + ".md"), markdown);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
