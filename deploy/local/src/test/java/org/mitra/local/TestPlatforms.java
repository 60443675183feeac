package org.mitra.local;

import java.nio.file.Path;

/** A platform for a test: free ports everywhere, a fresh database and broker, the runtime under target/. */
final class TestPlatforms {
    /** Shared by the tests, which run one after another: the unpacked Keycloak and its imported realm are kept. */
    static final String RUNTIME = "deploy/local/target/it-runtime";

    private TestPlatforms() {
    }

    static PlatformSettings settings(PlatformService... services) {
        PlatformSettings settings = PlatformSettings.withFreePorts(PlatformSettings.findRepository(Path.of("")), RUNTIME, services);
        Directories.delete(settings.runtime().resolve("postgres/data"));
        Directories.delete(settings.runtime().resolve("kafka"));
        return settings;
    }
}
