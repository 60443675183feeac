package org.mitra.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.mitra.local.LocalPlatform;
import org.mitra.local.PlatformService;
import org.mitra.local.PlatformSettings;

/**
 * Measures the directory at coalition scale: 100,000 services across 500 regions, searched and
 * mapped through the real service on real PostgreSQL. Bounded: a fixed number of requests per
 * scenario and a few seconds of concurrent load, all on loopback.
 */
public final class DirectoryBench {
    private static final int WARMUP = 20;
    private static final int MEASURED = 200;
    private static final int THREADS = 8;
    private static final Duration LOAD = Duration.ofSeconds(5);

    record Scenario(String name, String path) {
    }

    record Result(Scenario scenario, double p50, double p95, double p99, double max, double throughput, long errors) {
    }

    static final List<Scenario> SCENARIOS = List.of(
            new Scenario("search: one province, first page", "/api/directory/services?region=P07"),
            new Scenario("search: regency + category", "/api/directory/services?region=P07R03&category=medical-care"),
            new Scenario("search: slice + language + available", "/api/directory/services?slice=rehabilitation&language=en&available=true"),
            new Scenario("search: free text in a province", "/api/directory/services?region=P03&q=shelter"),
            new Scenario("search: page 200 of a province", "/api/directory/services?region=P07&page=200"),
            new Scenario("coverage: whole country (100,000 services)", "/api/directory/coverage?region=ID"),
            new Scenario("coverage: province", "/api/directory/coverage?region=P07"),
            new Scenario("coverage: regency", "/api/directory/coverage?region=P07R03"),
            new Scenario("coverage.svg: province", "/api/directory/coverage.svg?region=P07"),
            new Scenario("HSDS: services page 10 of 50", "/api/directory/hsds/services?per_page=50&page=10"));

    private DirectoryBench() {
    }

    public static void main(String[] args) throws Exception {
        Path repository = PlatformSettings.findRepository(Path.of(""));
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("MITRA_SERVICES", PlatformService.DIRECTORY.module());
        env.putIfAbsent("MITRA_RUNTIME_DIR", "bench/target/runtime");
        for (String port : List.of("MITRA_POSTGRES_PORT", "MITRA_KAFKA_PORT", "MITRA_KAFKA_CONTROLLER_PORT",
                "MITRA_KEYCLOAK_PORT", "MITRA_KEYCLOAK_MANAGEMENT_PORT", PlatformService.DIRECTORY.portVariable())) {
            env.putIfAbsent(port, Integer.toString(freePort()));
        }
        PlatformSettings settings = PlatformSettings.fromEnvironment(env, repository);
        try (LocalPlatform platform = LocalPlatform.start(settings)) {
            long seedStart = System.nanoTime();
            DirectorySeed.seed(settings.jdbcUrl("directory"), "directory", settings.databasePassword());
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
            String base = settings.serviceUrl(PlatformService.DIRECTORY);
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            List<Result> results = new ArrayList<>();
            for (Scenario scenario : SCENARIOS) {
                results.add(measure(client, base, scenario));
            }
            String report = report(results, seedSeconds, residentMegabytes("directory-service"));
            System.out.println(report);
            Path file = repository.resolve("bench/results/directory-" + LocalDate.now() + ".md");
            Files.createDirectories(file.getParent());
            Files.writeString(file, report);
            System.out.println("Written to " + repository.relativize(file));
        }
    }

    private static Result measure(HttpClient client, String base, Scenario scenario) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + scenario.path())).timeout(Duration.ofSeconds(30)).GET().build();
        for (int i = 0; i < WARMUP; i++) {
            send(client, request);
        }
        double[] millis = new double[MEASURED];
        long errors = 0;
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            if (!send(client, request)) {
                errors++;
            }
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long deadline = System.nanoTime() + LOAD.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        for (int t = 0; t < THREADS; t++) {
            pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    if (send(client, request)) {
                        done.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(LOAD.toSeconds() + 60, TimeUnit.SECONDS);
        return new Result(scenario, percentile(millis, 50), percentile(millis, 95), percentile(millis, 99),
                millis[millis.length - 1], done.get() / (double) LOAD.toSeconds(), errors + failed.get());
    }

    private static boolean send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static double percentile(double[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** Resident memory of the service's JVM, from /proc (Linux). */
    private static long residentMegabytes(String module) {
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().map(line -> line.contains(module + "/target/quarkus-app")).orElse(false))
                .findFirst()
                .map(process -> {
                    try {
                        return Files.readAllLines(Path.of("/proc/" + process.pid() + "/status")).stream()
                                .filter(line -> line.startsWith("VmRSS:"))
                                .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024)
                                .findFirst().orElse(-1L);
                    } catch (IOException e) {
                        return -1L;
                    }
                })
                .orElse(-1L);
    }

    private static String report(List<Result> results, double seedSeconds, long rssMegabytes) {
        StringBuilder out = new StringBuilder();
        out.append("# Directory benchmark, ").append(LocalDate.now()).append("\n\n")
                .append("Data: ").append(DirectorySeed.SERVICES).append(" services of ").append(DirectorySeed.ORGANIZATIONS)
                .append(" verified organizations in ").append(DirectorySeed.PROVINCES * (DirectorySeed.REGENCIES_PER_PROVINCE + 1))
                .append(" regions, 20,000 referrals of demand; seeded in ").append(String.format("%.1f", seedSeconds)).append(" s.\n")
                .append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append("; service and PostgreSQL on the same machine, loopback HTTP.\n")
                .append("Latency: ").append(MEASURED).append(" sequential requests after ").append(WARMUP)
                .append(" warm-up requests. Throughput: ").append(THREADS).append(" concurrent clients for ")
                .append(LOAD.toSeconds()).append(" s.\n")
                .append("Directory service resident memory after the run: ").append(rssMegabytes).append(" MB.\n\n")
                .append("| scenario | p50 ms | p95 ms | p99 ms | max ms | requests/s | errors |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (Result result : results) {
            out.append(String.format("| %s | %.1f | %.1f | %.1f | %.1f | %.0f | %d |%n", result.scenario().name(), result.p50(),
                    result.p95(), result.p99(), result.max(), result.throughput(), result.errors()));
        }
        return out.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
