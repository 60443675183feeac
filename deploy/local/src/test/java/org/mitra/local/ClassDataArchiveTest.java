package org.mitra.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

/** Issue 14 scenario 5: the class-data archive a build's first start records and every later start maps. */
class ClassDataArchiveTest {
    private final PlatformSettings settings = PlatformSettings.fromEnvironment(
            Map.of("MITRA_RUNTIME_DIR", Path.of("target/class-data-test-" + System.nanoTime()).toAbsolutePath().toString()),
            Path.of("/work/mitra"));

    @Test
    void aHarnessCanTellTheArchivesFlagsFromTheServicesOwnWhetherItRecordsOrMaps() throws Exception {
        Path jar = app(PlatformService.DIRECTORY);
        ClassDataArchive archive = ClassDataArchive.of(PlatformService.DIRECTORY, settings, jar);
        List<String> recording = ServiceProcess.command(PlatformService.DIRECTORY, settings, jar);
        Files.writeString(archive.recording(), "recorded");
        archive.keep(true);
        List<String> mapping = ServiceProcess.command(PlatformService.DIRECTORY, settings, jar);

        for (List<String> command : List.of(recording, mapping)) {
            List<String> archiveFlags = command.stream().filter(LocalPlatform::isClassDataFlag).toList();
            assertThat(archiveFlags).hasSize(2).contains(ClassDataArchive.QUIET);
            assertThat(command.stream().filter(flag -> !LocalPlatform.isClassDataFlag(flag)))
                    .noneMatch(flag -> flag.contains(".jsa") || flag.startsWith("-Xlog:cds"))
                    .contains("-jar");
        }
    }

    @Test
    void theFirstStartOfABuildRecordsAndLaterStartsMapWhatItRecorded() throws Exception {
        Path jar = app(PlatformService.DIRECTORY);
        ClassDataArchive archive = ClassDataArchive.of(PlatformService.DIRECTORY, settings, jar);

        assertThat(archive.flags()).containsExactly(ClassDataArchive.QUIET, "-XX:ArchiveClassesAtExit=" + archive.recording());
        Files.writeString(archive.recording(), "recorded");
        archive.keep(true);

        assertThat(archive.archive()).hasContent("recorded");
        assertThat(archive.recording()).doesNotExist();
        assertThat(ClassDataArchive.of(PlatformService.DIRECTORY, settings, jar).flags())
                .containsExactly(ClassDataArchive.QUIET, "-XX:SharedArchiveFile=" + archive.archive());
        assertThat(ServiceProcess.command(PlatformService.DIRECTORY, settings, jar))
                .contains("-XX:SharedArchiveFile=" + archive.archive());
    }

    @Test
    void aRecordingOfAServiceStoppedByForceIsNeverMapped() throws Exception {
        Path jar = app(PlatformService.REFERRAL);
        ClassDataArchive archive = ClassDataArchive.of(PlatformService.REFERRAL, settings, jar);
        archive.flags();
        Files.writeString(archive.recording(), "half written");

        archive.keep(false);

        assertThat(archive.recording()).doesNotExist();
        assertThat(archive.archive()).doesNotExist();
        assertThat(archive.flags()).contains("-XX:ArchiveClassesAtExit=" + archive.recording());
    }

    @Test
    void aRebuildRecordsAnewAndItsArchiveReplacesTheOldBuildsOnly() throws Exception {
        Path jar = app(PlatformService.DIRECTORY);
        ClassDataArchive old = record(PlatformService.DIRECTORY, jar);
        ClassDataArchive awareness = record(PlatformService.AWARENESS, app(PlatformService.AWARENESS));

        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
        ClassDataArchive rebuilt = ClassDataArchive.of(PlatformService.DIRECTORY, settings, jar);
        assertThat(rebuilt.archive()).isNotEqualTo(old.archive());
        assertThat(rebuilt.flags()).contains("-XX:ArchiveClassesAtExit=" + rebuilt.recording());
        Files.writeString(rebuilt.recording(), "new build");
        rebuilt.keep(true);

        assertThat(rebuilt.archive()).hasContent("new build");
        assertThat(old.archive()).doesNotExist();
        assertThat(awareness.archive()).as("another service's archive").exists();
    }

    /** The launcher's flags on a real JVM: the second start loads the application's class from the archive. */
    @Test
    void theJvmMapsTheArchiveTheLaunchersFlagsRecorded() throws Exception {
        Path jar = helloJar(settings.runtime().resolve("apps/gateway"));
        ClassDataArchive first = ClassDataArchive.of(PlatformService.GATEWAY, settings, jar);
        assertThat(run(first.flags(), jar)).contains("hello");
        first.keep(true);
        assertThat(first.archive()).isRegularFile();

        List<String> flags = new ArrayList<>(ClassDataArchive.of(PlatformService.GATEWAY, settings, jar).flags());
        flags.add("-Xlog:class+load=info");
        assertThat(run(flags, jar)).contains(Hello.class.getName() + " source: shared objects file");
    }

    private ClassDataArchive record(PlatformService service, Path jar) throws IOException {
        ClassDataArchive archive = ClassDataArchive.of(service, settings, jar);
        archive.flags();
        Files.writeString(archive.recording(), "recorded");
        archive.keep(true);
        return archive;
    }

    private Path app(PlatformService service) throws IOException {
        Path app = Directories.create(settings.runtime().resolve("apps").resolve(service.module()));
        Files.createDirectories(app.resolve("quarkus"));
        Files.writeString(app.resolve("quarkus/quarkus-application.dat"), service.module());
        return Files.writeString(app.resolve("quarkus-run.jar"), "jar of " + service.module());
    }

    private static Path helloJar(Path app) throws IOException {
        Files.createDirectories(app);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Hello.class.getName());
        Path jar = app.resolve("quarkus-run.jar");
        String entry = Hello.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
                InputStream bytes = Hello.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            bytes.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }

    private static String run(List<String> flags, Path jar) throws Exception {
        List<String> command = new ArrayList<>(List.of(JavaRuntime.executable()));
        command.addAll(flags);
        command.addAll(List.of("-jar", jar.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    /** The application of the JVM test. */
    public static final class Hello {
        public static void main(String[] args) {
            System.out.println("hello");
        }
    }
}
