package org.mitra.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A service's class-data archive (the JVM's dynamic AppCDS): the first start of a build records the classes it loaded
 * into a file when it stops gracefully, and every later start of the same build on the same Java maps them instead
 * of loading, verifying and parsing them again (bench/: about a third less processor time to ready, the same
 * memory). The archive is named after the Java version and the size and time of the build's {@code quarkus-run.jar}
 * and {@code quarkus-application.dat}, so a rebuild or another Java records a new one. The JVM checks every archived
 * class against the class it would load (a mismatch loads the class from the jar) and maps nothing from an archive it
 * cannot use, so a stale or foreign archive costs time, never behaviour. A JVM stopped by force writes none, and a
 * recording is only kept after a graceful stop, so a half-written file is never mapped.
 */
final class ClassDataArchive {
    /** The JVM reports each class it cannot archive and each archive it cannot map; neither is the service's news. */
    static final String QUIET = "-Xlog:cds=off,cds+dynamic=off";
    private static final String MAP = "-XX:SharedArchiveFile=";
    private static final String RECORD = "-XX:ArchiveClassesAtExit=";

    private final String module;
    private final Path archive;
    private final Path recording;

    private ClassDataArchive(String module, Path archive, Path recording) {
        this.module = module;
        this.archive = archive;
        this.recording = recording;
    }

    /** The archive of the service's build whose {@code quarkus-run.jar} is {@code jar}, running on the launcher's Java. */
    static ClassDataArchive of(PlatformService service, PlatformSettings settings, Path jar) {
        Path directory = settings.runtime().resolve("class-data");
        String name = service.module() + "-" + key(jar);
        return new ClassDataArchive(service.module(), directory.resolve(name + ".jsa"), directory.resolve(name + ".recording.jsa"));
    }

    private static String key(Path jar) {
        String build = stamp(jar) + "/" + stamp(jar.resolveSibling("quarkus").resolve("quarkus-application.dat"));
        return Runtime.version() + "-" + Integer.toHexString(build.hashCode());
    }

    private static String stamp(Path file) {
        try {
            return Files.size(file) + "@" + Files.getLastModifiedTime(file).to(TimeUnit.MILLISECONDS);
        } catch (IOException missing) {
            return "missing";
        }
    }

    /** Map the archive when this build has one; otherwise record one at the graceful stop. */
    List<String> flags() {
        if (Files.isRegularFile(archive)) {
            return List.of(QUIET, MAP + archive);
        }
        Directories.create(recording.getParent());
        return List.of(QUIET, RECORD + recording);
    }

    /** Whether a JVM flag is one of those {@link #flags()} gives. */
    static boolean isFlag(String flag) {
        return flag.equals(QUIET) || flag.startsWith(MAP) || flag.startsWith(RECORD);
    }

    /**
     * After the service's JVM ended: a recording it wrote during a graceful stop becomes the build's archive, and the
     * archives of the service's other builds go (one per service is kept).
     */
    void keep(boolean stoppedGracefully) {
        try {
            if (!Files.isRegularFile(recording)) {
                return;
            }
            if (!stoppedGracefully || Files.size(recording) == 0) {
                Files.delete(recording);
                return;
            }
            try (Stream<Path> all = Files.list(archive.getParent())) {
                for (Path other : all.filter(path -> !path.equals(recording)
                        && path.getFileName().toString().startsWith(module + "-")).toList()) {
                    Files.deleteIfExists(other);
                }
            }
            Files.move(recording, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the class-data archive " + recording, e);
        }
    }

    Path archive() {
        return archive;
    }

    Path recording() {
        return recording;
    }
}
