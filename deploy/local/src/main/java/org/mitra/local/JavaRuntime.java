package org.mitra.local;

import java.nio.file.Path;

/** Children run on the same Java as the launcher, whatever is first on the PATH. */
final class JavaRuntime {
    private JavaRuntime() {
    }

    static String home() {
        return System.getProperty("java.home");
    }

    static String executable() {
        return Path.of(home(), "bin", "java").toString();
    }
}
