package org.mitra.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where the local platform lives and listens. Every value has a default for this machine and can be
 * overridden by an environment variable (listed in deploy/local/README.md).
 */
public record PlatformSettings(
        Path repository,
        Path runtime,
        String host,
        int postgresPort,
        java.util.Optional<String> databasePasswordOverride,
        int kafkaPort,
        int kafkaControllerPort,
        int keycloakPort,
        int keycloakManagementPort,
        String keycloakAdminUser,
        java.util.Optional<String> keycloakAdminPasswordOverride,
        Map<PlatformService, Integer> servicePorts,
        Map<PlatformService, Integer> managementPorts,
        Set<PlatformService> services,
        Duration startupTimeout) {

    public static PlatformSettings fromEnvironment(Map<String, String> env, Path repository) {
        var values = new Values(env);
        Map<PlatformService, Integer> servicePorts = new EnumMap<>(PlatformService.class);
        Map<PlatformService, Integer> managementPorts = new EnumMap<>(PlatformService.class);
        for (PlatformService service : PlatformService.values()) {
            servicePorts.put(service, values.number(service.portVariable(), service.defaultPort()));
            managementPorts.put(service, values.number(service.managementPortVariable(), service.defaultManagementPort()));
        }
        Path runtime = repository.resolve(values.text("MITRA_RUNTIME_DIR", "deploy/local/.runtime"));
        return new PlatformSettings(
                repository,
                runtime.toAbsolutePath().normalize(),
                values.text("MITRA_HOST", "127.0.0.1"),
                values.number("MITRA_POSTGRES_PORT", 5432),
                values.optional("MITRA_DB_PASSWORD"),
                values.number("MITRA_KAFKA_PORT", 9092),
                values.number("MITRA_KAFKA_CONTROLLER_PORT", 9093),
                values.number("MITRA_KEYCLOAK_PORT", 8180),
                values.number("MITRA_KEYCLOAK_MANAGEMENT_PORT", 8190),
                values.text("KC_BOOTSTRAP_ADMIN_USERNAME", "admin"),
                values.optional("KC_BOOTSTRAP_ADMIN_PASSWORD"),
                Map.copyOf(servicePorts),
                Map.copyOf(managementPorts),
                values.services("MITRA_SERVICES"),
                Duration.ofSeconds(values.number("MITRA_STARTUP_TIMEOUT", 300)));
    }

    /**
     * Settings for a platform that tests start beside anything else on the machine: every port a free one, the
     * runtime (data, logs, unpacked Keycloak) in {@code runtimeDirectory} under the repository, only {@code services}.
     */
    public static PlatformSettings withFreePorts(Path repository, String runtimeDirectory, PlatformService... services) {
        Map<String, String> env = new java.util.HashMap<>();
        env.put("MITRA_RUNTIME_DIR", runtimeDirectory);
        env.put("MITRA_SERVICES", Arrays.stream(services).map(PlatformService::module).collect(java.util.stream.Collectors.joining(",")));
        env.put("MITRA_STARTUP_TIMEOUT", "300");
        java.util.List<String> portVariables = new java.util.ArrayList<>(java.util.List.of("MITRA_POSTGRES_PORT",
                "MITRA_KAFKA_PORT", "MITRA_KAFKA_CONTROLLER_PORT", "MITRA_KEYCLOAK_PORT", "MITRA_KEYCLOAK_MANAGEMENT_PORT"));
        for (PlatformService service : PlatformService.values()) {
            portVariables.add(service.portVariable());
            portVariables.add(service.managementPortVariable());
        }
        // All sockets are held until every port is chosen, so no two variables get the same port.
        java.util.List<java.net.ServerSocket> reserved = new java.util.ArrayList<>();
        try {
            for (String variable : portVariables) {
                java.net.ServerSocket socket = new java.net.ServerSocket(0);
                reserved.add(socket);
                env.put(variable, Integer.toString(socket.getLocalPort()));
            }
            for (java.net.ServerSocket socket : reserved) {
                socket.close();
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot find free ports", e);
        }
        return fromEnvironment(env, repository);
    }

    /** The repository root: the first directory upwards from {@code start} that holds the Keycloak realm. */
    public static Path findRepository(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(KeycloakServer.REALM_FILE))) {
                return dir;
            }
        }
        throw new IllegalStateException("No Mitra repository (with " + KeycloakServer.REALM_FILE + ") at or above " + start);
    }

    public int port(PlatformService service) {
        return servicePorts.get(service);
    }

    public String serviceUrl(PlatformService service) {
        return "http://" + host + ":" + port(service);
    }

    /** The port of the service's management interface (Prometheus metrics at /q/metrics), never routed by the gateway. */
    public int managementPort(PlatformService service) {
        return managementPorts.get(service);
    }

    public String managementUrl(PlatformService service) {
        return "http://" + host + ":" + managementPort(service);
    }

    /**
     * The password of the services' database users: MITRA_DB_PASSWORD when set, otherwise a random one per
     * installation, made on the first start and kept under the runtime directory's secrets folder.
     */
    public String databasePassword() {
        return databasePasswordOverride.orElseGet(() -> InstallationSecrets.databasePassword(this));
    }

    /**
     * The password of the role that owns a service's database and runs its migrations ({@link
     * PlatformService#databaseOwner()}, and the key store's owner, named as its {@link PlatformService#keyStoreDatabase()}):
     * random per installation and its own, never MITRA_DB_PASSWORD, since only the migrations need it.
     */
    public String databaseOwnerPassword(String role) {
        return InstallationSecrets.rolePassword(this, role);
    }

    /**
     * The password of the service's own role on its key store ({@link PlatformService#keyStoreRuntimeRole()}): random
     * per installation and its own, never MITRA_DB_PASSWORD, so that no password shared with the other databases' users
     * reaches the keys.
     */
    public String keyStoreRuntimePassword(String role) {
        return InstallationSecrets.rolePassword(this, role);
    }

    /** The PostgreSQL superuser's (postgres) password, random per installation. */
    public String postgresSuperuserPassword() {
        return InstallationSecrets.postgresSuperuserPassword(this);
    }

    /** Keycloak's master-realm admin password: KC_BOOTSTRAP_ADMIN_PASSWORD when set, otherwise random per installation. */
    public String keycloakAdminPassword() {
        return keycloakAdminPasswordOverride.orElseGet(() -> InstallationSecrets.keycloakAdminPassword(this));
    }

    /** The secret of a confidential client of the {@code mitra} realm (e.g. mitra-partner-demo), random per installation. */
    public String clientSecret(String clientId) {
        return InstallationSecrets.clientSecret(this, clientId);
    }

    /** Where the installation's secrets are kept (owner-only). */
    public Path secrets() {
        return runtime.resolve("secrets");
    }

    public String kafkaBootstrapServers() {
        return host + ":" + kafkaPort;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + postgresPort + "/" + database;
    }

    public String keycloakUrl() {
        return "http://" + host + ":" + keycloakPort;
    }

    public String issuer() {
        return keycloakUrl() + "/realms/" + KeycloakServer.REALM;
    }

    public Path logs() {
        return runtime.resolve("logs");
    }

    /** A JVM temporary directory per component, so nothing lands in /tmp. */
    public Path temporaryDirectory(String component) {
        return runtime.resolve("tmp").resolve(component);
    }

    public Path localModule() {
        return repository.resolve("deploy/local");
    }

    private record Values(Map<String, String> env) {
        String text(String name, String fallback) {
            String value = env.get(name);
            return value == null || value.isBlank() ? fallback : value.trim();
        }

        java.util.Optional<String> optional(String name) {
            String value = env.get(name);
            return value == null || value.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(value);
        }

        int number(String name, int fallback) {
            String value = text(name, Integer.toString(fallback));
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a number, not '" + value + "'");
            }
        }

        Set<PlatformService> services(String name) {
            String value = text(name, "");
            if (value.isEmpty()) {
                return EnumSet.allOf(PlatformService.class);
            }
            Set<PlatformService> chosen = EnumSet.noneOf(PlatformService.class);
            for (String module : value.split(",")) {
                chosen.add(Arrays.stream(PlatformService.values())
                        .filter(service -> service.module().equals(module.trim()))
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException(
                                name + " names an unknown module '" + module.trim() + "'")));
            }
            return chosen;
        }
    }
}
