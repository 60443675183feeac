package org.mitra.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Processes the harness starts itself (a second gateway, a service started alone) and what /proc says of them. */
final class Processes {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /** {@code cpuToReady}: processor time the process (and its children) had used when it was first seen ready. */
    record Started(Process process, Duration toReady, double cpuToReady) implements AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            stop(process);
        }
    }

    private Processes() {
    }

    /** Starts the process and polls its health URL every 20 ms: the time to ready is from start to the first 200. */
    static Started startAndAwait(ProcessBuilder builder, Path log, String healthUrl, Duration timeout)
            throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        long start = System.nanoTime();
        Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("The process stopped at start, see " + log);
            }
            if (ready(healthUrl)) {
                Duration toReady = Duration.ofNanos(System.nanoTime() - start);
                return new Started(process, toReady, cpuSeconds(process.pid()));
            }
            Thread.sleep(20);
        }
        stop(process);
        throw new IOException("Not ready within " + timeout + ", see " + log);
    }

    static boolean ready(String healthUrl) throws InterruptedException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(healthUrl)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /**
     * User and system time of a process so far, in seconds, from {@code /proc/<pid>/stat} (fields 14 and 15, in clock
     * ticks of 1/100 s, the value of {@code CLK_TCK} on every Linux the harness runs on). On a machine shared with
     * other work, time to ready varies with the neighbours and this does much less.
     */
    static double cpuSeconds(long pid) {
        try {
            return cpuSeconds(Files.readString(Path.of("/proc/" + pid + "/stat")));
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
    }

    /** The same from a {@code stat} line; the process's name, in parentheses, may hold spaces and parentheses itself. */
    static double cpuSeconds(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // After the name: state is field 3, so utime (14) and stime (15) are at 11 and 12 here.
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    /** Resident memory (VmRSS) of a process and all its descendants, in megabytes. */
    static long residentMegabytes(ProcessHandle process) {
        return (residentKilobytes(process.pid()) + process.descendants().mapToLong(child -> residentKilobytes(child.pid())).sum()) / 1024;
    }

    static long residentKilobytes(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                    .findFirst().orElse(0);
        } catch (IOException gone) {
            return 0;
        }
    }

    /** The JVM running a module's Quarkus application from this run's runtime directory (others may run elsewhere). */
    static Optional<ProcessHandle> serviceJvm(Path runtime, String module) {
        String jar = runtime.resolve("apps").resolve(module).resolve("quarkus-run.jar").toString();
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().map(line -> line.contains(jar)).orElse(false))
                .findFirst();
    }
}
