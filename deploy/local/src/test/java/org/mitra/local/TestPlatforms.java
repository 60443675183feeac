package org.mitra.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Settings for a platform started by a test: free ports everywhere and a runtime directory under target/. */
final class TestPlatforms {
    /** Shared by the tests, which run one after another: the unpacked Keycloak and its imported realm are kept. */
    static final String RUNTIME = "deploy/local/target/it-runtime";

    private TestPlatforms() {
    }

    static PlatformSettings settings(PlatformService... services) {
        Map<String, String> env = new HashMap<>();
        env.put("MITRA_RUNTIME_DIR", RUNTIME);
        env.put("MITRA_SERVICES", Stream.of(services).map(PlatformService::module).collect(Collectors.joining(",")));
        env.put("MITRA_STARTUP_TIMEOUT", "150");
        List<String> portVariables = new ArrayList<>(List.of("MITRA_POSTGRES_PORT", "MITRA_KAFKA_PORT",
                "MITRA_KAFKA_CONTROLLER_PORT", "MITRA_KEYCLOAK_PORT", "MITRA_KEYCLOAK_MANAGEMENT_PORT"));
        for (PlatformService service : PlatformService.values()) {
            portVariables.add(service.portVariable());
        }
        List<ServerSocket> reserved = new ArrayList<>();
        try {
            for (String variable : portVariables) {
                ServerSocket socket = new ServerSocket(0);
                reserved.add(socket);
                env.put(variable, Integer.toString(socket.getLocalPort()));
            }
            for (ServerSocket socket : reserved) {
                socket.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PlatformSettings settings = PlatformSettings.fromEnvironment(env, PlatformSettings.findRepository(Path.of("")));
        // A fresh database and broker on every start.
        Directories.delete(settings.runtime().resolve("postgres/data"));
        Directories.delete(settings.runtime().resolve("kafka"));
        return settings;
    }
}
