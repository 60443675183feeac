package org.mitra.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mitra.local.ComponentStatus.State;

/**
 * The whole Mitra platform on one machine without containers: PostgreSQL, a KRaft Kafka broker, Keycloak with
 * the {@code mitra} realm, and the four services as child processes. Run it with deploy/local/run.sh.
 *
 * <p>Infrastructure that fails to start stops the launch; a service that is not built yet or does not come up is
 * reported and the rest keeps running, because the services are written while the platform is in use.
 */
public final class LocalPlatform implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(500);

    private final PlatformSettings settings;
    private final Deque<Stoppable> started = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private final Map<Object, Stoppable> running = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, ComponentStatus> statuses = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    private boolean closed;

    private LocalPlatform(PlatformSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws InterruptedException {
        Instant begin = Instant.now();
        Path repository = PlatformSettings.findRepository(Path.of(System.getProperty("user.dir")));
        PlatformSettings settings = PlatformSettings.fromEnvironment(System.getenv(), repository);
        LocalPlatform platform = new LocalPlatform(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "mitra-local-stop"));
        try {
            platform.startAll();
        } catch (RuntimeException e) {
            System.err.println("\nThe local platform could not start: " + e.getMessage());
            System.exit(1);
        }
        StartupSummary.print(settings, platform.statuses(), Duration.between(begin, Instant.now()));
        // From here the launcher only waits: one full collection gives back the heap that unpacking and starting took
        // (run.sh's flags let the heap shrink), so the launcher holds little while the platform runs.
        System.gc();
        Thread.currentThread().join();
    }

    /**
     * Starts the infrastructure and the services named in the settings, waits until each is ready or the startup
     * timeout passed, and returns the running platform; on failure everything started so far is stopped again.
     */
    public static LocalPlatform start(PlatformSettings settings) {
        LocalPlatform platform = new LocalPlatform(settings);
        try {
            platform.startAll();
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    /** Infrastructure that fault-injection tests stop and start again while everything else keeps running. */
    public enum Infrastructure { POSTGRES, KAFKA, KEYCLOAK }

    /** Stops a server as an operator would (graceful); its data stays for {@link #start(Infrastructure)}. */
    public synchronized void stop(Infrastructure part) {
        forget(part).ifPresent(Stoppable::stop);
    }

    /** Starts a stopped server again on its port and data, and waits until it serves. */
    public synchronized void start(Infrastructure part) {
        if (running.containsKey(part)) {
            return;
        }
        Instant deadline = Instant.now().plus(settings.startupTimeout());
        switch (part) {
            case POSTGRES -> remember(part, LocalPostgres.start(settings));
            case KAFKA -> remember(part, KafkaBroker.start(settings)).awaitReadyAndCreateTopics(deadline);
            case KEYCLOAK -> awaitInfrastructure(remember(part, KeycloakServer.start(settings)), deadline);
        }
    }

    /**
     * Kills a service's JVM at once (SIGKILL), as a crash or the kernel's OOM killer would. Not serialized with the
     * other controls, so a test can kill a service at the exact moment something else (a broker's return) happens.
     */
    public void kill(PlatformService service) {
        forget(service).ifPresent(process -> ((ServiceProcess) process).kill());
        record(service.module(), settings.serviceUrl(service), State.FAILED, "killed");
    }

    /** Stops a service gracefully (SIGTERM, shutdown hooks run). */
    public synchronized void stop(PlatformService service) {
        forget(service).ifPresent(Stoppable::stop);
        record(service.module(), settings.serviceUrl(service), State.NOT_READY, "stopped");
    }

    /** Starts a stopped or killed service again and waits until it is ready; false if it did not come up in time. */
    public synchronized boolean start(PlatformService service) {
        if (!running.containsKey(service)) {
            ServiceProcess process = ServiceProcess.start(service, settings);
            remember(service, process);
            awaitServices(List.of(process), Instant.now().plus(settings.startupTimeout()));
        }
        ComponentStatus status = statuses.get(service.module());
        return status != null && status.ready();
    }

    private java.util.Optional<Stoppable> forget(Object key) {
        Stoppable component = running.remove(key);
        if (component != null) {
            started.remove(component);
        }
        return java.util.Optional.ofNullable(component);
    }

    private <T extends Stoppable> T remember(Object key, T component) {
        running.put(key, component);
        return remember(component);
    }

    public List<ComponentStatus> statuses() {
        return List.copyOf(statuses.values());
    }

    /**
     * How the launcher starts a service: its command line for a jar and its environment, for a harness that starts
     * another instance of it beside the platform (bench/ measures start time and a second gateway this way).
     */
    public static ProcessBuilder serviceProcess(PlatformService service, PlatformSettings settings, Path jar) {
        ProcessBuilder builder = new ProcessBuilder(ServiceProcess.command(service, settings, jar));
        builder.environment().putAll(ServiceProcess.environment(service, settings));
        return builder.directory(jar.getParent().toFile());
    }

    /**
     * For a harness that started {@link #serviceProcess} itself and stopped it: keeps the class-data archive that start
     * recorded, as the launcher does after its own graceful stops; true when the build now has one.
     */
    public static boolean keepClassData(PlatformService service, PlatformSettings settings, Path jar, boolean stoppedGracefully) {
        ClassDataArchive archive = ClassDataArchive.of(service, settings, jar);
        archive.keep(stoppedGracefully);
        return java.nio.file.Files.isRegularFile(archive.archive());
    }

    /** Whether a JVM flag of {@link #serviceProcess} is one of the class-data archive's (a harness may leave them out). */
    public static boolean isClassDataFlag(String flag) {
        return ClassDataArchive.isFlag(flag);
    }

    public PlatformSettings settings() {
        return settings;
    }

    /**
     * The operating-system processes of everything running now: each child, its descendants (Keycloak's script
     * starts a JVM) and PostgreSQL's postmaster (pg_ctl starts it detached), e.g. to see what they listen on.
     */
    public java.util.Set<Long> processIds() {
        java.util.Set<Long> pids = new java.util.TreeSet<>();
        for (Stoppable component : running.values()) {
            if (component instanceof LocalPostgres postgres) {
                postgres.pid().ifPresent(pids::add);
            }
            ChildProcess child = component instanceof KeycloakServer keycloak ? keycloak.process()
                    : component instanceof KafkaBroker kafka ? kafka.process()
                    : component instanceof ServiceProcess service ? service.process() : null;
            if (child != null) {
                pids.addAll(child.processIds());
            }
        }
        return pids;
    }

    private void startAll() {
        Instant deadline = Instant.now().plus(settings.startupTimeout());
        requireFreePorts();
        Directories.create(settings.logs());
        System.out.println("Starting Mitra locally (runtime in " + settings.runtime() + ", logs in " + settings.logs() + ")");

        // Keycloak is the slowest to start, so it comes up while PostgreSQL and Kafka do.
        KeycloakServer keycloak = remember(Infrastructure.KEYCLOAK, KeycloakServer.start(settings));

        Instant step = Instant.now();
        LocalPostgres postgres = remember(Infrastructure.POSTGRES, LocalPostgres.start(settings));
        for (PlatformService service : PlatformService.values()) {
            service.database().ifPresent(database -> service.databaseOwner().ifPresentOrElse(
                    owner -> postgres.ensureDatabase(database, settings.databasePassword(), owner, settings.databaseOwnerPassword(owner)),
                    () -> postgres.ensureDatabase(database, settings.databasePassword())));
            service.keyStoreDatabase().ifPresent(database -> {
                String runtime = service.keyStoreRuntimeRole().orElseThrow();
                postgres.ensureDatabase(database, database, settings.databaseOwnerPassword(database), runtime,
                        settings.keyStoreRuntimePassword(runtime));
            });
        }
        ready("PostgreSQL", settings.host() + ":" + settings.postgresPort(), step);

        step = Instant.now();
        KafkaBroker kafka = remember(Infrastructure.KAFKA, KafkaBroker.start(settings));
        kafka.awaitReadyAndCreateTopics(deadline);
        ready("Kafka", settings.kafkaBootstrapServers(), step);

        step = Instant.now();
        awaitInfrastructure(keycloak, deadline);
        ready("Keycloak", settings.keycloakUrl(), step);

        List<ServiceProcess> services = new ArrayList<>();
        for (PlatformService service : settings.services()) {
            Path jar = service.runnableJar(settings.repository());
            if (!Files.isRegularFile(jar)) {
                record(service.module(), settings.serviceUrl(service), State.NOT_BUILT, "no " + settings.repository().relativize(jar));
                System.out.println("  " + service.module() + " is not built: skipped");
                continue;
            }
            services.add(remember(service, ServiceProcess.start(service, settings)));
        }
        awaitServices(services, deadline);
    }

    private void awaitInfrastructure(KeycloakServer keycloak, Instant deadline) {
        while (!Readiness.isReady(keycloak.healthUrl())) {
            if (!keycloak.process().isAlive()) {
                throw new IllegalStateException("Keycloak stopped while starting:\n" + keycloak.process().logTail(20));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Keycloak not ready in time; see " + keycloak.process().log());
            }
            Readiness.pause(POLL);
        }
    }

    private void awaitServices(List<ServiceProcess> services, Instant deadline) {
        Instant begin = Instant.now();
        List<ServiceProcess> waiting = new ArrayList<>(services);
        while (!waiting.isEmpty()) {
            for (ServiceProcess service : List.copyOf(waiting)) {
                String url = settings.serviceUrl(service.service());
                if (Readiness.isReady(service.healthUrl())) {
                    waiting.remove(service);
                    ready(service.name(), url, begin);
                } else if (!service.process().isAlive()) {
                    waiting.remove(service);
                    record(service.name(), url, State.FAILED, "stopped; see " + service.process().log());
                    System.out.println("  " + service.name() + " FAILED to start; last lines of " + service.process().log()
                            + ":\n" + service.process().logTail(12).indent(4));
                } else if (Instant.now().isAfter(deadline)) {
                    waiting.remove(service);
                    record(service.name(), url, State.NOT_READY, "not ready in time; see " + service.process().log());
                    System.out.println("  " + service.name() + " is running but not ready at " + service.healthUrl());
                }
            }
            if (!waiting.isEmpty()) {
                Readiness.pause(POLL);
            }
        }
    }

    private void requireFreePorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("MITRA_POSTGRES_PORT", settings.postgresPort());
        ports.put("MITRA_KAFKA_PORT", settings.kafkaPort());
        ports.put("MITRA_KAFKA_CONTROLLER_PORT", settings.kafkaControllerPort());
        ports.put("MITRA_KEYCLOAK_PORT", settings.keycloakPort());
        ports.put("MITRA_KEYCLOAK_MANAGEMENT_PORT", settings.keycloakManagementPort());
        for (PlatformService service : settings.services()) {
            ports.put(service.portVariable(), settings.port(service));
            ports.put(service.managementPortVariable(), settings.managementPort(service));
        }
        List<String> busy = ports.entrySet().stream()
                .filter(port -> !Readiness.isFree(port.getValue()))
                .map(port -> port.getValue() + " (" + port.getKey() + ")")
                .toList();
        if (!busy.isEmpty()) {
            throw new IllegalStateException("Ports already in use: " + String.join(", ", busy)
                    + ". Is the platform already running, or a server left over from a killed run? Stop it, or move"
                    + " Mitra with the environment variables named.");
        }
    }

    private <T extends Stoppable> T remember(T component) {
        started.push(component);
        return component;
    }

    private void ready(String name, String url, Instant since) {
        record(name, url, State.READY, "");
        System.out.printf("  %-18s ready (%.1f s)%n", name, Duration.between(since, Instant.now()).toMillis() / 1000.0);
    }

    private void record(String name, String url, State state, String detail) {
        statuses.put(name, new ComponentStatus(name, url, state, detail));
    }

    /** Stops every child in reverse order of its start: services first, PostgreSQL last. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!started.isEmpty()) {
            System.out.println("\nStopping Mitra...");
        }
        while (!started.isEmpty()) {
            Stoppable component = started.pop();
            try {
                component.stop();
                System.out.println("  stopped " + component.name());
            } catch (RuntimeException e) {
                System.out.println("  could not stop " + component.name() + ": " + e.getMessage());
            }
        }
    }
}
