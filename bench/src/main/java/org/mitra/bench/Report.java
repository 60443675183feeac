package org.mitra.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.HistogramLogWriter;

/**
 * What one run of the harness found: a target table (each target, what was measured, pass or miss) and a section per
 * scenario, written to {@code bench/RESULTS.md}; every latency histogram also goes, raw, to an HdrHistogram log
 * under {@code bench/results/hdr/} (read with HdrHistogram's HistogramLogProcessor or any hlog plotter).
 */
final class Report {
    record Target(String scenario, String target, String measured, boolean pass) {
    }

    private final List<Target> targets = new ArrayList<>();
    private final java.util.Map<String, Double> figures = new java.util.LinkedHashMap<>();
    private final StringBuilder sections = new StringBuilder();
    private final Path hdrDirectory;
    private final String hdrPath;

    /** {@code hdrPath}: where the histograms go, relative to the repository. */
    Report(Path repository, String hdrPath) {
        this.hdrDirectory = repository.resolve(hdrPath);
        this.hdrPath = hdrPath;
    }

    void target(String scenario, String target, String measured, boolean pass) {
        targets.add(new Target(scenario, target, measured, pass));
        System.out.printf("  %s %s: %s (target %s)%n", pass ? "PASS" : "MISS", scenario, measured, target);
    }

    /** A measured figure a later part of the report reasons from (the scale-out section). */
    void figure(String key, double value) {
        figures.put(key, value);
    }

    java.util.OptionalDouble figure(String key) {
        Double value = figures.get(key);
        return value == null ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(value);
    }

    void section(String title, String markdown) {
        sections.append("## ").append(title).append("\n\n").append(markdown.strip()).append("\n\n");
        System.out.println("\n## " + title + "\n" + markdown.strip());
    }

    /** The open-loop runs of a scenario as a table, and their histograms into {@code <file>.hlog}. */
    String latencyTable(String file, List<OpenLoop.Outcome> outcomes) throws IOException {
        Files.createDirectories(hdrDirectory);
        try (PrintStream out = new PrintStream(Files.newOutputStream(hdrDirectory.resolve(file + ".hlog")))) {
            HistogramLogWriter writer = new HistogramLogWriter(out);
            writer.outputLogFormatVersion();
            writer.outputLegend();
            for (OpenLoop.Outcome outcome : outcomes) {
                writer.outputIntervalHistogram(outcome.latency());
            }
        }
        StringBuilder table = new StringBuilder("| run | offered/s | answered/s | p50 ms | p90 ms | p99 ms | max ms | errors |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (OpenLoop.Outcome outcome : outcomes) {
            table.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.2f | %.2f | %.2f | %.1f | %d%s |%n", outcome.label(),
                    outcome.rate(), outcome.achieved(), outcome.p50(), outcome.latency().getValueAtPercentile(90) / 1000.0,
                    outcome.p99(), outcome.max(), outcome.errors(),
                    outcome.firstError() == null ? "" : " (" + outcome.firstError().replace('|', '/') + ")"));
        }
        return table.append("\nRaw histograms: `").append(hdrPath).append("/").append(file).append(".hlog`.\n").toString();
    }

    List<Target> targets() {
        return List.copyOf(targets);
    }

    String markdown(String header) {
        StringBuilder out = new StringBuilder(header.strip()).append("\n\n## Targets\n\n")
                .append("| scenario | target | measured | |\n|---|---|---|---|\n");
        for (Target target : targets) {
            out.append("| ").append(target.scenario()).append(" | ").append(target.target()).append(" | ")
                    .append(target.measured()).append(" | ").append(target.pass() ? "pass" : "**miss**").append(" |\n");
        }
        long missed = targets.stream().filter(target -> !target.pass()).count();
        out.append("\n").append(targets.size() - missed).append(" of ").append(targets.size()).append(" targets met.\n\n");
        return out.append(sections).toString();
    }

    static String format(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : value >= 10 ? "%.1f" : "%.2f", value);
    }
}
