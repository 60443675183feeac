package org.mitra.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One Mitra service started from its module's {@code target/quarkus-app/quarkus-run.jar}. */
final class ServiceProcess implements Stoppable {
    private final PlatformService service;
    private final ChildProcess process;
    private final String healthUrl;
    private final ClassDataArchive classData;

    private ServiceProcess(PlatformService service, ChildProcess process, String healthUrl, ClassDataArchive classData) {
        this.service = service;
        this.process = process;
        this.healthUrl = healthUrl;
        this.classData = classData;
    }

    /**
     * Runs a copy of the built application (under the runtime directory), so rebuilding a module while the
     * platform runs never changes the files of a running JVM; a restart picks up the new build.
     */
    static ServiceProcess start(PlatformService service, PlatformSettings settings) {
        Path app = settings.runtime().resolve("apps").resolve(service.module());
        Directories.delete(app);
        Directories.copy(service.runnableJar(settings.repository()).getParent(), app);
        Path jar = app.resolve("quarkus-run.jar");
        // Once per start: the flags it gives and what it keeps at the stop are of the same archive.
        ClassDataArchive classData = ClassDataArchive.of(service, settings, jar);
        ChildProcess process = ChildProcess.start(service.module(), command(service, settings, jar, classData),
                environment(service, settings), jar.getParent(), settings.logs().resolve(service.module() + ".log"));
        return new ServiceProcess(service, process, settings.serviceUrl(service) + "/q/health/ready", classData);
    }

    /**
     * Four services, Kafka, Keycloak and PostgreSQL share one developer machine, so each service's JVM is sized for that
     * (Native Memory Tracking and each flag measured side by side: README.md, "Memory and start time of a service").
     * G1's own structures were 38-45 MB of every service; Serial GC needs almost none. The heap starts small and gives
     * back what a burst took; 384 MB stays the ceiling. C1 alone halves the CPU a service spends starting and keeps
     * less code; peak speed on a large quiet machine is not what a local run is for. A class-data archive of the
     * build's first start makes every later start cheaper ({@link ClassDataArchive}).
     */
    static final List<String> JVM_FLAGS = List.of(
            "-XX:+UseSerialGC",
            "-Xms32m", "-Xmx384m", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30",
            "-XX:TieredStopAtLevel=1",
            "-Xss512k");

    /** The JVM's command line for the service's jar (the copy under the runtime directory, or another). */
    static List<String> command(PlatformService service, PlatformSettings settings, Path jar) {
        return command(service, settings, jar, ClassDataArchive.of(service, settings, jar));
    }

    private static List<String> command(PlatformService service, PlatformSettings settings, Path jar, ClassDataArchive classData) {
        Path tmp = Directories.create(settings.temporaryDirectory(service.module()));
        List<String> command = new ArrayList<>();
        command.add(JavaRuntime.executable());
        command.addAll(JVM_FLAGS);
        command.addAll(classData.flags());
        command.add("-Djava.io.tmpdir=" + tmp);
        command.add("-jar");
        command.add(jar.toString());
        return List.copyOf(command);
    }

    /** Standard Quarkus variables, so a service needs no local profile of its own. */
    static Map<String, String> environment(PlatformService service, PlatformSettings settings) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(settings.port(service)));
        // MITRA_HOST only (Quarkus listens on every interface by default), the management interface too.
        env.put("QUARKUS_HTTP_HOST", settings.host());
        env.put("QUARKUS_MANAGEMENT_HOST", settings.host());
        env.put("MITRA_MANAGEMENT_HOST", settings.host());
        // Metrics on a management port of the service's own: four services on one machine cannot all take 9000.
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(settings.managementPort(service)));
        env.put("KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrapServers());
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", settings.issuer());
        env.put("MITRA_DEMO_DATA", "true");
        // Every API is reached through the gateway: the OpenAPI documents name it as their server.
        env.put("MITRA_PUBLIC_URL", settings.serviceUrl(PlatformService.GATEWAY));
        service.database().ifPresent(database -> {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", settings.jdbcUrl(database));
            env.put("QUARKUS_DATASOURCE_USERNAME", database);
            env.put("QUARKUS_DATASOURCE_PASSWORD", settings.databasePassword());
            env.put(InstallationSecrets.IDEMPOTENCY_FINGERPRINT_KEY, InstallationSecrets.idempotencyFingerprintKey(settings));
        });
        // Flyway migrates as the database's owner; the service runs as its own role, which owns no table.
        service.databaseOwner().ifPresent(owner -> {
            env.put("QUARKUS_FLYWAY_USERNAME", owner);
            env.put("QUARKUS_FLYWAY_PASSWORD", settings.databaseOwnerPassword(owner));
        });
        // The key store likewise: migrated by its owner (named as the database), used as a role that owns nothing there.
        service.keyStoreDatabase().ifPresent(database -> {
            String runtime = service.keyStoreRuntimeRole().orElseThrow();
            env.put("QUARKUS_DATASOURCE_KEYSTORE_JDBC_URL", settings.jdbcUrl(database));
            env.put("QUARKUS_DATASOURCE_KEYSTORE_USERNAME", runtime);
            env.put("QUARKUS_DATASOURCE_KEYSTORE_PASSWORD", settings.keyStoreRuntimePassword(runtime));
            env.put("QUARKUS_FLYWAY_KEYSTORE_USERNAME", database);
            env.put("QUARKUS_FLYWAY_KEYSTORE_PASSWORD", settings.databaseOwnerPassword(database));
        });
        if (service == PlatformService.REFERRAL) {
            env.put(InstallationSecrets.REFERRAL_KEYSET, InstallationSecrets.forInstallation(settings));
            // A developer's webhook receiver runs on this machine: plain http to a loopback address is allowed here
            // only (Compose and Kubernetes keep the default, false: https and public addresses only).
            env.put("MITRA_WEBHOOKS_ALLOW_LOOPBACK", "true");
        }
        if (service == PlatformService.AWARENESS) {
            env.put(InstallationSecrets.AWARENESS_EMAIL_HASH_KEY, InstallationSecrets.emailHashKey(settings));
        }
        if (service == PlatformService.GATEWAY) {
            env.put("MITRA_CORS_ORIGINS", settings.serviceUrl(PlatformService.GATEWAY));
            for (PlatformService routed : PlatformService.values()) {
                if (routed != PlatformService.GATEWAY) {
                    env.put(routed.urlVariable(), settings.serviceUrl(routed));
                }
            }
        }
        return env;
    }

    PlatformService service() {
        return service;
    }

    String healthUrl() {
        return healthUrl;
    }

    ChildProcess process() {
        return process;
    }

    @Override
    public String name() {
        return service.module();
    }

    @Override
    public void stop() {
        process.stop();
        classData.keep(process.stoppedGracefully());
    }

    void kill() {
        process.kill();
        classData.keep(false);
    }
}
