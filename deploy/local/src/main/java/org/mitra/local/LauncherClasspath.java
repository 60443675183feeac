package org.mitra.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The launcher's runtime classpath as Maven wrote it at build time; the Kafka broker runs on it too. */
final class LauncherClasspath {
    static final String FILE = "target/classpath.txt";

    private LauncherClasspath() {
    }

    static String read(PlatformSettings settings) {
        Path file = settings.localModule().resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Missing " + file + ": build the launcher first (./mvnw -B -q -pl deploy/local package)");
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
