package org.mitra.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mitra.local.LocalPlatform;
import org.mitra.local.PlatformService;
import org.mitra.local.PlatformSettings;

/**
 * Everything a scenario measures against: the platform (PostgreSQL, Kafka, Keycloak and the three services, started by
 * the local launcher on free ports), two gateways the harness starts itself in front of them (one with the rate
 * limits lifted, the bench profile, and one with them on but so large they never refuse, to price the limiter
 * alone), real tokens and the report.
 */
final class Rig implements AutoCloseable {
    /** The gateway's configuration for the proxy measurement: everything as shipped but the rate limits. */
    static final Map<String, String> BENCH_PROFILE = Map.of("MITRA_GATEWAY_RATE_LIMITS_ENABLED", "false");
    private static final long NEVER_EMPTY = 1_000_000_000L;

    final Path repository;
    final PlatformSettings settings;
    final LocalPlatform platform;
    final Tokens tokens;
    final Report report;
    final String gateway;
    final String limitedGateway;
    private final List<Processes.Started> started = new ArrayList<>();

    private Rig(Path repository, PlatformSettings settings, LocalPlatform platform, Report report) throws IOException, InterruptedException {
        this.repository = repository;
        this.settings = settings;
        this.platform = platform;
        this.tokens = new Tokens(settings);
        this.report = report;
        this.gateway = startGateway("gateway-bench", BENCH_PROFILE);
        this.limitedGateway = startGateway("gateway-limited", Map.of(
                "MITRA_GATEWAY_RATE_LIMITS_ANONYMOUS_READS_CAPACITY", Long.toString(NEVER_EMPTY),
                "MITRA_GATEWAY_RATE_LIMITS_ANONYMOUS_WRITES_CAPACITY", Long.toString(NEVER_EMPTY),
                "MITRA_GATEWAY_RATE_LIMITS_AUTHENTICATED_CAPACITY", Long.toString(NEVER_EMPTY),
                "MITRA_GATEWAY_RATE_LIMITS_FEEDS_CAPACITY", Long.toString(NEVER_EMPTY)));
    }

    static Rig start(Path repository, Report report) throws IOException, InterruptedException {
        PlatformSettings settings = PlatformSettings.withFreePorts(repository, "bench/target/runtime",
                PlatformService.DIRECTORY, PlatformService.REFERRAL, PlatformService.AWARENESS);
        LocalPlatform platform = LocalPlatform.start(settings);
        try {
            return new Rig(repository, settings, platform, report);
        } catch (IOException | InterruptedException | RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    String url(PlatformService service) {
        return settings.serviceUrl(service);
    }

    Path target() {
        return repository.resolve("bench/target");
    }

    private String startGateway(String name, Map<String, String> environment) throws IOException, InterruptedException {
        int port = freePort();
        String url = "http://" + settings.host() + ":" + port;
        started.add(Processes.startAndAwait(gatewayProcess(port, environment), settings.logs().resolve(name + ".log"),
                url + "/q/health/ready", Duration.ofMinutes(2)));
        return url;
    }

    /** A gateway in front of this run's services on {@code port}, as the launcher would start it, plus {@code environment}. */
    ProcessBuilder gatewayProcess(int port, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = LocalPlatform.serviceProcess(PlatformService.GATEWAY, settings,
                PlatformService.GATEWAY.runnableJar(repository));
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(freePort()));
        builder.environment().putAll(environment);
        return builder;
    }

    /** Resident memory of the bench-profile gateway (the one the proxy measurement loaded). */
    long gatewayResidentMegabytes() {
        return Processes.residentMegabytes(started.get(0).process().toHandle());
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Processes.Started process : started) {
            process.close();
        }
        platform.close();
    }
}
