package org.mitra.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mitra.local.PlatformSettings;

/**
 * The benchmark harness: {@code bench/run.sh [scenario...]} starts what it needs, runs the scenarios (all by default,
 * in this order) and writes {@code bench/RESULTS.md} and the raw HdrHistogram logs. A run of only some scenarios
 * writes {@code bench/target/RESULTS-partial.md} instead, so RESULTS.md always holds one whole run.
 */
public final class Bench {
    static final List<String> SCENARIOS = List.of("gateway", "directory", "writes", "events", "footprint");

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Path repository = PlatformSettings.findRepository(Path.of("")).toAbsolutePath();
        List<String> chosen = args.length == 0 ? SCENARIOS : List.of(args);
        for (String scenario : chosen) {
            if (!SCENARIOS.contains(scenario)) {
                throw new IllegalArgumentException("No scenario " + scenario + "; the scenarios are " + SCENARIOS);
            }
        }
        Tools.requireAll();
        String load = loadAverage();
        // What was measured is the code as it stands now: taken before the run, while files may change during it.
        String commit = command(repository, "git", "rev-parse", "--short", "HEAD")
                + (command(repository, "git", "status", "--porcelain", "--", ".", ":!bench/results", ":!bench/RESULTS.md").isBlank()
                        ? "" : " with uncommitted changes");
        Instant begun = Instant.now();
        // A partial run's histograms stay under target/, beside its RESULTS-partial.md, so results/hdr holds one whole run.
        Report report = new Report(repository, chosen.equals(SCENARIOS) ? "bench/results/hdr" : "bench/target/hdr");
        PlatformSettings settings;
        try (Rig rig = Rig.start(repository, report)) {
            settings = rig.settings;
            if (chosen.contains("gateway")) {
                GatewayOverhead.run(rig);
            }
            if (chosen.contains("directory")) {
                DirectoryScale.run(rig);
            }
            if (chosen.contains("writes")) {
                ReferralWrites.run(rig);
            }
            if (chosen.contains("events")) {
                EventLatency.run(rig);
            }
            if (chosen.contains("footprint")) {
                Footprint.servicesAlone(rig);
            }
        }
        if (chosen.contains("footprint")) {
            Footprint.wholePlatform(repository, report, settings);
        }
        if (chosen.equals(SCENARIOS)) {
            ScaleOut.write(report);
        }
        String header = header(commit, chosen, load, Duration.between(begun, Instant.now()));
        Path file = chosen.equals(SCENARIOS) ? repository.resolve("bench/RESULTS.md") : repository.resolve("bench/target/RESULTS-partial.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report.markdown(header));
        System.out.println("\nWritten to " + repository.relativize(file));
    }

    private static String header(String commit, List<String> chosen, String load, Duration took) throws IOException {
        return """
                # Benchmark results

                | | |
                |---|---|
                | date | %s |
                | commit | %s |
                | command | `bench/run.sh%s` (took %d min) |
                | machine | %d cores (%s), %s memory; load average before the run %s |
                | Java | %s %s (harness and services) |

                Every target is a ratio measured side by side in this run, or a percentile under a fixed offered load
                (open loop: requests leave at a constant rate and each latency counts from the moment it was due). The
                machine is shared: figures from another run or machine are not comparable with these, ratios are.
                """.formatted(LocalDate.now(), commit,
                chosen.equals(SCENARIOS) ? "" : " " + String.join(" ", chosen), took.toMinutes(),
                Runtime.getRuntime().availableProcessors(), cpuModel(), memory(), load,
                System.getProperty("java.vm.vendor"), System.getProperty("java.version"));
    }

    private static String command(Path directory, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        process.waitFor();
        return output;
    }

    private static String cpuModel() throws IOException {
        return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst().orElse("unknown CPU");
    }

    private static String memory() throws IOException {
        return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(line -> line.startsWith("MemTotal:"))
                .map(line -> String.format(Locale.ROOT, "%.0f GiB", Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                .findFirst().orElse("unknown");
    }

    static String loadAverage() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return String.join(" ", new ArrayList<>(List.of(fields)).subList(0, 3));
    }
}
