package org.mitra.local.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What a suite measured, printed when it ends and kept under target/figures for the README and the notes. */
final class Figures {
    private final String suite;
    private final List<String[]> rows = new ArrayList<>();

    Figures(String suite) {
        this.suite = suite;
    }

    synchronized void add(String fault, String load, String measured) {
        rows.add(new String[] {fault, load, measured});
    }

    synchronized void print() {
        StringBuilder table = new StringBuilder("| fault | load | measured |\n|---|---|---|\n");
        for (String[] row : rows) {
            table.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        System.out.println("\n" + suite + " figures:\n" + table);
        try {
            Path file = Path.of("target/figures/" + suite + ".md");
            Files.createDirectories(file.getParent());
            Files.writeString(file, "# " + suite + "\n\n" + table, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
