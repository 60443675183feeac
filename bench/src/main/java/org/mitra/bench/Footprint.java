package org.mitra.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.mitra.local.LocalPlatform;
import org.mitra.local.PlatformService;
import org.mitra.local.PlatformSettings;

/**
 * Scenario 5: each service's resident memory after the load of the scenarios before, each one's time to ready when
 * it starts alone (nothing else starting), and the whole local platform started again with the README's run command:
 * time to "Mitra is up" and its total memory (proportional set size, so PostgreSQL's shared buffers count once).
 */
final class Footprint {
    private static final long MEMORY_TARGET_MB = 200;
    private static final double READY_TARGET_S = 3;
    private static final double PLATFORM_READY_TARGET_S = 30;
    private static final double PLATFORM_MEMORY_TARGET_GB = 2.5;

    private Footprint() {
    }

    /**
     * A way to run a service's JVM: which Java, which flags (null: exactly as the local launcher does) and, for a
     * class-data archive or AOT cache, the flags of a training start before it (null: none) that writes what the
     * measured start then reads.
     */
    record Variant(String name, Path java, List<String> flags, List<String> training, Path archive) {
        Variant(String name, Path java, List<String> flags) {
            this(name, java, flags, null, null);
        }

        List<String> command(List<String> launcher) {
            return command(launcher, flags);
        }

        List<String> trainingCommand(List<String> launcher) {
            return command(launcher, training);
        }

        private List<String> command(List<String> launcher, List<String> flags) {
            if (flags == null) {
                return launcher;
            }
            List<String> command = new ArrayList<>(List.of(java.toString()));
            command.addAll(flags);
            // The launcher's own flags go; its temporary directory and the jar stay.
            launcher.stream().filter(argument -> argument.startsWith("-Djava.io.tmpdir=")).forEach(command::add);
            command.addAll(launcher.subList(launcher.indexOf("-jar"), launcher.size()));
            return command;
        }
    }

    /**
     * The levers: the launcher's flags as they are (with the class-data archive its first start of a build records);
     * the same without that archive; the flags before issue 14 (G1 and C2, a fixed heap ceiling); the launcher's with
     * C2 as well; and, where Temurin 25 is installed, the launcher's with compact object headers, and with an AOT cache
     * written by an earlier start (JEP 483/514) in place of the archive.
     */
    static List<Variant> variants(List<String> launcher, Path archives) {
        Path java17 = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> flags = launcher.subList(1, launcher.indexOf(launcher.stream()
                .filter(argument -> argument.startsWith("-Djava.io.tmpdir=")).findFirst().orElseThrow())).stream()
                .filter(flag -> !LocalPlatform.isClassDataFlag(flag)).toList();
        List<String> withC2 = flags.stream().filter(flag -> !flag.startsWith("-XX:TieredStopAtLevel=")).toList();
        List<Variant> variants = new ArrayList<>(List.of(new Variant("as the launcher runs it", java17, null),
                new Variant("the launcher's without its class-data archive", java17, flags),
                new Variant("before issue 14: G1, C2, -Xmx384m", java17, List.of("-Xmx384m")),
                new Variant("the launcher's, C2 as well", java17, withC2)));
        Path java25 = Path.of(System.getenv().getOrDefault("MITRA_BENCH_JAVA25_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "java");
        if (Files.isExecutable(java25)) {
            variants.add(new Variant("the launcher's on Java 25 with compact object headers", java25,
                    with(flags, "-XX:+UseCompactObjectHeaders")));
            Path cache = archives.resolve("app.aot");
            variants.add(new Variant("the launcher's on Java 25 with an AOT cache of an earlier start", java25,
                    with(flags, "-XX:AOTCache=" + cache), with(flags, "-XX:AOTCacheOutput=" + cache), cache));
        }
        return variants;
    }

    private static List<String> with(List<String> flags, String flag) {
        List<String> all = new ArrayList<>(flags);
        all.add(flag);
        return all;
    }

    static void servicesAlone(Rig rig) throws Exception {
        Map<String, Long> resident = new LinkedHashMap<>();
        for (PlatformService service : List.of(PlatformService.DIRECTORY, PlatformService.REFERRAL, PlatformService.AWARENESS)) {
            resident.put(service.module(), Processes.serviceJvm(rig.settings.runtime(), service.module())
                    .map(Processes::residentMegabytes).orElse(-1L));
        }
        resident.put("gateway", rig.gatewayResidentMegabytes());
        Path archives = Files.createTempDirectory("mitra-bench-archives");
        List<Variant> variants = variants(LocalPlatform.serviceProcess(PlatformService.DIRECTORY, rig.settings,
                rig.settings.runtime().resolve("apps/directory-service/quarkus-run.jar")).command(), archives);
        Map<String, Map<String, Alone>> measured = new LinkedHashMap<>();
        for (PlatformService service : List.of(PlatformService.DIRECTORY, PlatformService.REFERRAL, PlatformService.AWARENESS,
                PlatformService.GATEWAY)) {
            Map<String, Alone> byVariant = new LinkedHashMap<>();
            for (Variant variant : variants) {
                byVariant.put(variant.name(), alone(rig, service, variant));
            }
            measured.put(service.module(), byVariant);
        }
        StringBuilder text = new StringBuilder("| | resident after the scenarios' load, MB | ready when started alone, s |\n|---|---:|---:|\n");
        for (String name : resident.keySet()) {
            double ready = measured.get(name).get(variants.get(0).name()).ready();
            rig.report.figure("footprint." + name + ".resident", resident.get(name));
            text.append(String.format(Locale.ROOT, "| %s | %d | %.2f |%n", name, resident.get(name), ready));
            rig.report.target("5. footprint, " + name, "ready ≤ 3 s alone", String.format(Locale.ROOT, "%.2f s", ready),
                    ready <= READY_TARGET_S);
            rig.report.target("5. footprint, " + name, "≤ 200 MB resident after load", resident.get(name) + " MB",
                    resident.get(name) > 0 && resident.get(name) <= MEMORY_TARGET_MB);
        }
        text.append("\nTime to ready: from the JVM's start to the first 200 of `/q/health/ready`, polled every 20 ms, with "
                + "PostgreSQL, Kafka and Keycloak running and nothing else starting; JVM flags as the local launcher gives them (`")
                .append(String.join(" ", shown(LocalPlatform.serviceProcess(PlatformService.DIRECTORY, rig.settings,
                        rig.settings.runtime().resolve("apps/directory-service/quarkus-run.jar")).command()))).append("`).\n\n");
        text.append("Levers, side by side: each service started alone with each set of flags; its time to ready and the "
                + "processor time it had used by then (steadier than the time on a shared machine), then ").append(LEVER_RATE)
                .append(" requests/s of a typical read of it for ").append(LEVER_LOAD.toSeconds()).append(" s (open loop, "
                + "so every lever serves the same load), then its resident memory:\n\n| service | flags | ready s | CPU s to "
                + "ready | resident MB | p99 ms at " + LEVER_RATE + "/s | errors |\n|---|---|---:|---:|---:|---:|---:|\n");
        measured.forEach((service, byVariant) -> byVariant.forEach((variant, alone) -> text.append(String.format(Locale.ROOT,
                "| %s | %s | %.2f | %.1f | %d | %s | %d |%n", service, variant, alone.ready(), alone.cpuToReady(), alone.resident(),
                Report.format(alone.load().p99()), alone.load().errors()))));
        rig.report.section("5. Footprint and start: each service", text.toString());
    }

    private static final Duration LEVER_LOAD = Duration.ofSeconds(10);
    private static final int LEVER_RATE = 100;

    record Alone(double ready, double cpuToReady, long resident, OpenLoop.Outcome load) {
    }

    /** The service started alone with the variant's JVM, loaded for a while, measured and stopped again. */
    private static Alone alone(Rig rig, PlatformService service, Variant variant) throws Exception {
        ProcessBuilder builder;
        String base;
        if (service == PlatformService.GATEWAY) {
            int port = Rig.freePort();
            builder = rig.gatewayProcess(port, Rig.BENCH_PROFILE);
            base = "http://" + rig.settings.host() + ":" + port;
        } else {
            rig.platform.stop(service);
            builder = LocalPlatform.serviceProcess(service, rig.settings,
                    rig.settings.runtime().resolve("apps").resolve(service.module()).resolve("quarkus-run.jar"));
            base = rig.url(service);
        }
        if (variant.flags() == null && builder.command().stream().anyMatch(flag -> flag.startsWith("-XX:ArchiveClassesAtExit="))) {
            // No archive of this build yet: the launcher's own first start records it at its graceful stop, as on a
            // user's machine, after the same load the AOT cache's training start gets, so both learn from equal work.
            train(rig, service, builder, base, variant);
            Path jar = Path.of(builder.command().get(builder.command().indexOf("-jar") + 1));
            if (!LocalPlatform.keepClassData(service, rig.settings, jar, true)) {
                throw new IOException("The first start of " + service.module() + " recorded no class-data archive");
            }
            Map<String, String> environment = Map.copyOf(builder.environment());
            builder = new ProcessBuilder(LocalPlatform.serviceProcess(service, rig.settings, jar).command())
                    .directory(builder.directory());
            builder.environment().putAll(environment);
        }
        List<String> launcher = builder.command();
        if (variant.training() != null) {
            Files.deleteIfExists(variant.archive());
            builder.command(variant.trainingCommand(launcher));
            train(rig, service, builder, base, variant);
            if (!Files.isRegularFile(variant.archive())) {
                throw new IOException("The training start wrote no " + variant.archive() + ", see the -training.log");
            }
        }
        builder.command(variant.command(launcher));
        try (Processes.Started alone = Processes.startAndAwait(builder, rig.settings.logs().resolve(service.module() + "-alone.log"),
                base + "/q/health/ready", Duration.ofMinutes(2))) {
            Map<String, String> headers = headers(rig, service);
            OpenLoop.Outcome load;
            try (OpenLoop loop = new OpenLoop(8)) {
                String url = base + typicalRead(service);
                load = loop.run(service.module() + ", " + variant.name(), LEVER_RATE, LEVER_LOAD, n -> OpenLoop.Call.get(url, headers));
            }
            return new Alone(alone.toReady().toMillis() / 1000.0, alone.cpuToReady(),
                    Processes.residentMegabytes(alone.process().toHandle()), load);
        } finally {
            if (service != PlatformService.GATEWAY) {
                rig.platform.start(service);
            }
        }
    }

    /**
     * A training start: the service under the levers' load, then a graceful stop, at which the JVM writes the class-data
     * archive or AOT cache its flags ask for.
     */
    private static void train(Rig rig, PlatformService service, ProcessBuilder builder, String base, Variant variant)
            throws Exception {
        try (Processes.Started training = Processes.startAndAwait(builder, rig.settings.logs().resolve(service.module()
                + "-training.log"), base + "/q/health/ready", Duration.ofMinutes(2));
                OpenLoop loop = new OpenLoop(8)) {
            String url = base + typicalRead(service);
            Map<String, String> headers = headers(rig, service);
            loop.run(service.module() + ", training for " + variant.name(), LEVER_RATE, LEVER_LOAD,
                    n -> OpenLoop.Call.get(url, headers));
        }
    }

    private static Map<String, String> headers(Rig rig, PlatformService service) throws Exception {
        return service == PlatformService.REFERRAL
                ? rig.tokens.bearer(org.mitra.local.DemoOrganization.DARKBALI.caseworker()) : Map.of();
    }

    private static String typicalRead(PlatformService service) {
        return switch (service) {
            case DIRECTORY -> "/api/directory/services?region=51";
            case REFERRAL -> "/api/referrals?box=sent&size=5";
            case AWARENESS -> "/api/awareness/campaigns";
            case GATEWAY -> "/api/directory/organizations/" + org.mitra.local.DemoOrganization.DARKBALI.id();
        };
    }

    private static List<String> shown(List<String> command) {
        return command.stream().filter(argument -> !argument.startsWith("-Djava.io.tmpdir="))
                .map(argument -> argument.contains("/") ? Path.of(argument).getFileName().toString() : argument).toList();
    }

    /** The README's run command, again on the data of this run: time to its "Mitra is up" line and memory of everything. */
    static void wholePlatform(Path repository, Report report, PlatformSettings settings) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(repository.resolve("deploy/local/run.sh").toString()).directory(repository.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(environment(settings));
        long start = System.nanoTime();
        Process launcher = builder.start();
        Duration took = null;
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.add(line);
                if (line.contains("Mitra is up in")) {
                    took = Duration.ofNanos(System.nanoTime() - start);
                    break;
                }
                if (line.contains("partly up") || line.contains("could not start")) {
                    break;
                }
            }
            if (took == null) {
                launcher.destroy();
                throw new IOException("The platform did not come up:\n" + String.join("\n", output));
            }
            Thread.sleep(5_000);
            double launcherMb = Processes.residentKilobytes(launcher.pid()) / 1024.0;
            double totalMb = proportionalKilobytes(launcher.toHandle()) / 1024.0
                    + postgres(settings).stream().mapToLong(Footprint::proportionalKilobytes).sum() / 1024.0;
            String text = String.format(Locale.ROOT, "`deploy/local/run.sh` (MITRA_SKIP_BUILD=true) started again on this run's "
                            + "data: **%.1f s** to \"Mitra is up\" (PostgreSQL, Kafka, Keycloak, three services, gateway); "
                            + "everything together then holds **%.2f GB** (sum of proportional set sizes: the launcher JVM, its children and "
                            + "PostgreSQL's processes); the launcher JVM itself %.0f MB resident.%n",
                    took.toMillis() / 1000.0, totalMb / 1024, launcherMb);
            report.target("5. footprint, whole platform", "ready ≤ 30 s on a second start", String.format(Locale.ROOT, "%.1f s",
                    took.toMillis() / 1000.0), took.toMillis() / 1000.0 <= PLATFORM_READY_TARGET_S);
            report.target("5. footprint, whole platform", "≤ 2.5 GB resident", String.format(Locale.ROOT, "%.2f GB", totalMb / 1024),
                    totalMb / 1024 <= PLATFORM_MEMORY_TARGET_GB);
            report.section("5. Footprint and start: the whole platform", text);
        } finally {
            launcher.destroy();
            if (!launcher.waitFor(2, TimeUnit.MINUTES)) {
                launcher.destroyForcibly();
            }
        }
    }

    private static Map<String, String> environment(PlatformSettings settings) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MITRA_SKIP_BUILD", "true");
        env.put("MITRA_RUNTIME_DIR", settings.repository().relativize(settings.runtime()).toString());
        env.put("MITRA_POSTGRES_PORT", Integer.toString(settings.postgresPort()));
        env.put("MITRA_KAFKA_PORT", Integer.toString(settings.kafkaPort()));
        env.put("MITRA_KAFKA_CONTROLLER_PORT", Integer.toString(settings.kafkaControllerPort()));
        env.put("MITRA_KEYCLOAK_PORT", Integer.toString(settings.keycloakPort()));
        env.put("MITRA_KEYCLOAK_MANAGEMENT_PORT", Integer.toString(settings.keycloakManagementPort()));
        for (PlatformService service : PlatformService.values()) {
            env.put(service.portVariable(), Integer.toString(settings.port(service)));
            env.put(service.managementPortVariable(), Integer.toString(settings.managementPort(service)));
        }
        return env;
    }

    /** PostgreSQL's postmaster and backends of this run (pg_ctl starts them detached from the launcher). */
    private static List<ProcessHandle> postgres(PlatformSettings settings) {
        String data = settings.runtime().toString();
        List<ProcessHandle> processes = new ArrayList<>();
        ProcessHandle.allProcesses().filter(process -> process.info().commandLine().map(line -> line.contains("postgres")
                && line.contains(data)).orElse(false)).forEach(postmaster -> {
                    processes.add(postmaster);
                    postmaster.descendants().forEach(processes::add);
                });
        return processes;
    }

    /** Proportional set size of a process and its descendants (shared pages divided among their sharers). */
    private static long proportionalKilobytes(ProcessHandle process) {
        long own = 0;
        try {
            own = Files.readAllLines(Path.of("/proc/" + process.pid() + "/smaps_rollup")).stream()
                    .filter(line -> line.startsWith("Pss:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                    .findFirst().orElse(0);
        } catch (IOException gone) {
            // Ended meanwhile.
        }
        return own + process.children().mapToLong(Footprint::proportionalKilobytes).sum();
    }
}
