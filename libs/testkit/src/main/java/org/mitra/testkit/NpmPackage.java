package org.mitra.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A tool from the npm registry for a test (Spectral, kubectl): installed once into a folder of the build with the
 * machine's npm. Node.js and npm are not part of the JDK, so without them a test skips with the reason, and fails
 * instead when {@code CI=true}, where nothing may be skipped.
 */
public final class NpmPackage {
    public static final String CI_PREFIX = "CI=true, so this check may not be skipped: ";
    public static final String SKIP_SUFFIX = " (not CI: skipped; with CI=true this fails)";

    private NpmPackage() {
    }

    /**
     * The file {@code relative} (to {@code prefix/node_modules}) of the package {@code spec} ({@code name@version}),
     * installed under {@code prefix} unless it is there already.
     */
    public static synchronized Path install(Path prefix, String spec, String relative) {
        Path file = prefix.resolve("node_modules").resolve(relative);
        if (Files.exists(file)) {
            return file;
        }
        String npm = System.getProperty("os.name").toLowerCase().contains("win") ? "npm.cmd" : "npm";
        Path log = prefix.resolve("npm-install.log");
        try {
            Files.createDirectories(prefix);
            Process process = new ProcessBuilder(npm, "install", "--legacy-peer-deps", "--no-audit", "--no-fund", "--no-save",
                    "--prefix", prefix.toString(), spec)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw unavailable("npm install " + spec + " took over 10 minutes");
            }
            if (process.exitValue() != 0 || !Files.exists(file)) {
                throw unavailable("npm install " + spec + " failed (exit " + process.exitValue() + "): "
                        + Files.readString(log).strip());
            }
            return file;
        } catch (IOException e) {
            throw unavailable("npm could not be run to install " + spec + " (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Skips the calling test with the reason, or fails it when {@code CI=true}. */
    public static RuntimeException unavailable(String reason) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(CI_PREFIX + reason);
        }
        Assumptions.abort(reason + SKIP_SUFFIX);
        throw new IllegalStateException("unreachable");
    }
}
