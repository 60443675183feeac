package org.mitra.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Closed-loop throughput with wrk (Debian's package): {@code connections} clients each sending the next request as
 * soon as the last one answered, for {@code duration}. What it reports is the most the target serves, not a latency
 * a user sees under a given load (that is {@link OpenLoop}'s job).
 */
final class Wrk {
    private static final Pattern REQUESTS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern ERRORS = Pattern.compile("Socket errors:.*?(\\d+).*?(\\d+).*?(\\d+).*?(\\d+)");

    record Throughput(String label, int connections, double requestsPerSecond, long badAnswers) {
    }

    private Wrk() {
    }

    static void requireInstalled() {
        Tools.require("wrk", "apt-get install wrk");
    }

    static Throughput run(String label, String url, Map<String, String> headers, int connections, Duration duration)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t", Integer.toString(Math.min(2, connections)),
                "-c", Integer.toString(connections), "-d", duration.toSeconds() + "s", "--timeout", "10s"));
        headers.forEach((name, value) -> command.addAll(List.of("-H", name + ": " + value)));
        command.add(url);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(duration.toSeconds() + 30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("wrk failed for " + label + ": " + output);
        }
        return parse(label, connections, output);
    }

    /** The rate wrk printed, and every answer that was not 2xx or 3xx or never came (socket errors of each kind). */
    static Throughput parse(String label, int connections, String output) throws IOException {
        Matcher requests = REQUESTS.matcher(output);
        if (!requests.find()) {
            throw new IOException("wrk printed no rate for " + label + ": " + output);
        }
        long bad = 0;
        Matcher non2xx = NON_2XX.matcher(output);
        if (non2xx.find()) {
            bad += Long.parseLong(non2xx.group(1));
        }
        Matcher errors = ERRORS.matcher(output);
        if (errors.find()) {
            for (int group = 1; group <= 4; group++) {
                bad += Long.parseLong(errors.group(group));
            }
        }
        return new Throughput(label, connections, Double.parseDouble(requests.group(1)), bad);
    }
}
