package org.mitra.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The programs outside the JDK the harness runs (Debian's packages), found on the PATH or in the usual places. */
final class Tools {
    private Tools() {
    }

    static Optional<Path> find(String program) {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin:/usr/bin";
        for (String directory : path.split(File.pathSeparator)) {
            if (!directory.isBlank() && Files.isExecutable(Path.of(directory, program))) {
                return Optional.of(Path.of(directory, program));
            }
        }
        return Optional.empty();
    }

    /** The program's path; stops the run with the command that installs it when it is missing. */
    static Path require(String program, String install) {
        return find(program).orElseThrow(() -> new IllegalStateException(
                program + " is not installed; the benchmark needs it (" + install + ")."));
    }

    static void requireAll() {
        for (List<String> tool : List.of(List.of("wrk", "apt-get install wrk"), List.of("nginx", "apt-get install nginx-light"))) {
            require(tool.get(0), tool.get(1));
        }
    }
}
