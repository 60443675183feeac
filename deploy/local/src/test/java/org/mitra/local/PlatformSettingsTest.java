package org.mitra.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformSettingsTest {
    private static final Path REPOSITORY = Path.of("/work/mitra");

    @Test
    void defaultsAreThePortsOfTheDesign() {
        PlatformSettings settings = PlatformSettings.fromEnvironment(Map.of(), REPOSITORY);

        assertThat(settings.runtime()).isEqualTo(REPOSITORY.resolve("deploy/local/.runtime"));
        // Issue 12 item 14: loopback by default, so nothing of the local run is reachable from the network.
        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.jdbcUrl("directory")).isEqualTo("jdbc:postgresql://127.0.0.1:5432/directory");
        assertThat(settings.kafkaBootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(settings.issuer()).isEqualTo("http://127.0.0.1:8180/realms/mitra");
        assertThat(settings.serviceUrl(PlatformService.GATEWAY)).isEqualTo("http://127.0.0.1:8080");
        assertThat(settings.serviceUrl(PlatformService.AWARENESS)).isEqualTo("http://127.0.0.1:8083");
        assertThat(settings.services()).containsExactlyInAnyOrder(PlatformService.values());
        // Issue 12 item 15: no fixed password anyone could read here; each installation makes its own.
        assertThat(settings.databasePasswordOverride()).isEmpty();
        assertThat(settings.keycloakAdminPasswordOverride()).isEmpty();
    }

    /** Issue 12 item 14: every service listens on MITRA_HOST only, its public port and its management interface. */
    @Test
    void servicesListenOnTheHostOnly() {
        PlatformSettings settings = inTarget(Map.of("MITRA_HOST", "127.0.0.2"));

        for (PlatformService service : PlatformService.values()) {
            assertThat(ServiceProcess.environment(service, settings))
                    .containsEntry("QUARKUS_HTTP_HOST", "127.0.0.2")
                    .containsEntry("QUARKUS_MANAGEMENT_HOST", "127.0.0.2")
                    .containsEntry("MITRA_MANAGEMENT_HOST", "127.0.0.2");
        }
    }

    /** Four services on one machine would all take the management interface's port 9000: each gets its own. */
    @Test
    void eachServiceHasAManagementPortOfItsOwn() {
        PlatformSettings settings = inTarget(Map.of("MITRA_REFERRAL_MANAGEMENT_PORT", "19082"));

        assertThat(ServiceProcess.environment(PlatformService.GATEWAY, settings)).containsEntry("QUARKUS_MANAGEMENT_PORT", "9080");
        assertThat(ServiceProcess.environment(PlatformService.DIRECTORY, settings)).containsEntry("QUARKUS_MANAGEMENT_PORT", "9081");
        assertThat(ServiceProcess.environment(PlatformService.REFERRAL, settings)).containsEntry("QUARKUS_MANAGEMENT_PORT", "19082");
        assertThat(ServiceProcess.environment(PlatformService.AWARENESS, settings)).containsEntry("QUARKUS_MANAGEMENT_PORT", "9083");
        assertThat(settings.managementUrl(PlatformService.REFERRAL)).isEqualTo("http://127.0.0.1:19082");

        PlatformSettings free = PlatformSettings.withFreePorts(Path.of("target"), "free-ports-test", PlatformService.values());
        java.util.Set<Integer> ports = new java.util.HashSet<>();
        for (PlatformService service : PlatformService.values()) {
            assertThat(ports.add(free.port(service))).isTrue();
            assertThat(ports.add(free.managementPort(service))).as("free management port of " + service).isTrue();
        }
        assertThat(ports).doesNotContain(9000, 9080, 9081, 9082, 9083);
    }

    /** Issue 12 items 11 and 15: the services with an Idempotency-Key store share the installation's fingerprint key. */
    @Test
    void servicesGetTheInstallationsIdempotencyFingerprintKey() {
        PlatformSettings settings = inTarget(Map.of());

        String key = ServiceProcess.environment(PlatformService.DIRECTORY, settings).get("MITRA_IDEMPOTENCY_FINGERPRINT_KEY");
        assertThat(key).isNotNull();
        assertThat(java.util.Base64.getDecoder().decode(key)).hasSize(32);
        for (PlatformService service : List.of(PlatformService.REFERRAL, PlatformService.AWARENESS, PlatformService.DIRECTORY)) {
            assertThat(ServiceProcess.environment(service, settings)).containsEntry("MITRA_IDEMPOTENCY_FINGERPRINT_KEY", key);
        }
        assertThat(ServiceProcess.environment(PlatformService.GATEWAY, settings)).doesNotContainKey("MITRA_IDEMPOTENCY_FINGERPRINT_KEY");
    }

    /** Issue 12 item 15: the database users get the installation's password, unless MITRA_DB_PASSWORD is set. */
    @Test
    void databaseUsersGetTheInstallationsPasswordUnlessOneIsSet() {
        PlatformSettings settings = inTarget(Map.of());
        Map<String, String> referral = ServiceProcess.environment(PlatformService.REFERRAL, settings);
        assertThat(referral.get("QUARKUS_DATASOURCE_PASSWORD")).isEqualTo(settings.databasePassword())
                .isNotEqualTo("mitra-dev").hasSizeGreaterThanOrEqualTo(40);

        PlatformSettings chosen = PlatformSettings.fromEnvironment(Map.of("MITRA_DB_PASSWORD", "chosen-one"), REPOSITORY);
        assertThat(chosen.databasePassword()).isEqualTo("chosen-one");
    }

    /**
     * Issue 12 item 12: referral-service's migrations run as the owner of its database, with a password of its own even
     * when MITRA_DB_PASSWORD is set; the service itself signs in as its own user. The other services have no owner role.
     */
    @Test
    void referralMigratesAsItsDatabasesOwnerAndRunsAsItsOwnUser() {
        PlatformSettings settings = inTarget(Map.of("MITRA_DB_PASSWORD", "chosen-one"));
        Map<String, String> referral = ServiceProcess.environment(PlatformService.REFERRAL, settings);

        assertThat(PlatformService.REFERRAL.databaseOwner()).contains("referral_owner");
        assertThat(referral).containsEntry("QUARKUS_FLYWAY_USERNAME", "referral_owner")
                .containsEntry("QUARKUS_FLYWAY_PASSWORD", settings.databaseOwnerPassword("referral_owner"))
                .containsEntry("QUARKUS_DATASOURCE_USERNAME", "referral")
                .containsEntry("QUARKUS_DATASOURCE_PASSWORD", "chosen-one");
        assertThat(referral.get("QUARKUS_FLYWAY_PASSWORD")).isNotEqualTo("chosen-one").hasSizeGreaterThanOrEqualTo(40);
        assertThat(settings.secrets().resolve("database-referral_owner-password")).isRegularFile();
        for (PlatformService other : List.of(PlatformService.DIRECTORY, PlatformService.AWARENESS, PlatformService.GATEWAY)) {
            assertThat(other.databaseOwner()).as(other.module()).isEmpty();
            assertThat(ServiceProcess.environment(other, settings)).as(other.module())
                    .doesNotContainKeys("QUARKUS_FLYWAY_USERNAME", "QUARKUS_FLYWAY_PASSWORD");
        }
    }

    /**
     * The key store likewise: its migrations run as its owner referral_keys (as before, so an existing key store keeps
     * its owner), the service signs in as referral_keys_runtime, which owns nothing there; each with a password of its
     * own, never MITRA_DB_PASSWORD nor the other's.
     */
    @Test
    void referralMigratesItsKeyStoreAsItsOwnerAndUsesItAsTheRuntimeRole() {
        PlatformSettings settings = inTarget(Map.of("MITRA_DB_PASSWORD", "chosen-one"));
        Map<String, String> referral = ServiceProcess.environment(PlatformService.REFERRAL, settings);

        assertThat(PlatformService.REFERRAL.keyStoreDatabase()).contains("referral_keys");
        assertThat(PlatformService.REFERRAL.keyStoreRuntimeRole()).contains("referral_keys_runtime");
        assertThat(referral).containsEntry("QUARKUS_DATASOURCE_KEYSTORE_JDBC_URL", settings.jdbcUrl("referral_keys"))
                .containsEntry("QUARKUS_FLYWAY_KEYSTORE_USERNAME", "referral_keys")
                .containsEntry("QUARKUS_FLYWAY_KEYSTORE_PASSWORD", settings.databaseOwnerPassword("referral_keys"))
                .containsEntry("QUARKUS_DATASOURCE_KEYSTORE_USERNAME", "referral_keys_runtime")
                .containsEntry("QUARKUS_DATASOURCE_KEYSTORE_PASSWORD", settings.keyStoreRuntimePassword("referral_keys_runtime"));
        assertThat(List.of(referral.get("QUARKUS_FLYWAY_KEYSTORE_PASSWORD"), referral.get("QUARKUS_DATASOURCE_KEYSTORE_PASSWORD")))
                .doesNotContain("chosen-one", referral.get("QUARKUS_FLYWAY_PASSWORD")).doesNotHaveDuplicates()
                .allSatisfy(password -> assertThat(password).hasSizeGreaterThanOrEqualTo(40));
        assertThat(settings.secrets().resolve("database-referral_keys-password")).isRegularFile();
        assertThat(settings.secrets().resolve("database-referral_keys_runtime-password")).isRegularFile();
        for (PlatformService other : List.of(PlatformService.DIRECTORY, PlatformService.AWARENESS, PlatformService.GATEWAY)) {
            assertThat(other.keyStoreRuntimeRole()).as(other.module()).isEmpty();
            assertThat(ServiceProcess.environment(other, settings)).as(other.module())
                    .doesNotContainKeys("QUARKUS_DATASOURCE_KEYSTORE_USERNAME", "QUARKUS_FLYWAY_KEYSTORE_USERNAME");
        }
    }

    private static PlatformSettings inTarget(Map<String, String> env) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("MITRA_RUNTIME_DIR", Path.of("target/settings-test-" + System.nanoTime()).toAbsolutePath().toString());
        return PlatformSettings.fromEnvironment(all, REPOSITORY);
    }

    @Test
    void environmentMovesPortsAndChoosesServices() {
        PlatformSettings settings = PlatformSettings.fromEnvironment(Map.of(
                "MITRA_KEYCLOAK_PORT", "18180",
                "MITRA_DIRECTORY_PORT", "18081",
                "MITRA_SERVICES", "directory-service, gateway",
                "MITRA_STARTUP_TIMEOUT", "60",
                "MITRA_RUNTIME_DIR", "/srv/mitra"), REPOSITORY);

        assertThat(settings.issuer()).isEqualTo("http://127.0.0.1:18180/realms/mitra");
        assertThat(settings.serviceUrl(PlatformService.DIRECTORY)).isEqualTo("http://127.0.0.1:18081");
        assertThat(settings.services()).containsExactlyInAnyOrder(PlatformService.DIRECTORY, PlatformService.GATEWAY);
        assertThat(settings.startupTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.runtime()).isEqualTo(Path.of("/srv/mitra"));
    }

    @Test
    void eachServiceGetsItsOwnDatabaseAndTheGatewayLearnsWhereServicesAre() {
        PlatformSettings settings = inTarget(Map.of("MITRA_REFERRAL_PORT", "9182", "MITRA_GATEWAY_PORT", "9180"));

        assertThat(ServiceProcess.environment(PlatformService.REFERRAL, settings))
                .containsEntry("MITRA_PUBLIC_URL", "http://127.0.0.1:9180")
                .containsEntry("QUARKUS_HTTP_PORT", "9182")
                .containsEntry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/referral")
                .containsEntry("QUARKUS_DATASOURCE_USERNAME", "referral")
                .containsEntry("QUARKUS_OIDC_AUTH_SERVER_URL", "http://127.0.0.1:8180/realms/mitra")
                .containsEntry("MITRA_DEMO_DATA", "true")
                .containsEntry("MITRA_WEBHOOKS_ALLOW_LOOPBACK", "true");
        // Only referral-service has webhooks; nothing else is told loopback endpoints are fine.
        for (PlatformService other : PlatformService.values()) {
            if (other != PlatformService.REFERRAL) {
                assertThat(ServiceProcess.environment(other, settings)).as(other.module()).doesNotContainKey("MITRA_WEBHOOKS_ALLOW_LOOPBACK");
            }
        }
        assertThat(ServiceProcess.environment(PlatformService.GATEWAY, settings))
                .doesNotContainKey("QUARKUS_DATASOURCE_JDBC_URL")
                .containsEntry("MITRA_PUBLIC_URL", "http://127.0.0.1:9180")
                .containsEntry("MITRA_REFERRAL_URL", "http://127.0.0.1:9182");
    }

    @Test
    void anUnknownModuleOrAMalformedPortIsRefusedWithItsName() {
        assertThatThrownBy(() -> PlatformSettings.fromEnvironment(Map.of("MITRA_SERVICES", "billing-service"), REPOSITORY))
                .hasMessageContaining("MITRA_SERVICES").hasMessageContaining("billing-service");
        assertThatThrownBy(() -> PlatformSettings.fromEnvironment(Map.of("MITRA_KAFKA_PORT", "ninety"), REPOSITORY))
                .hasMessageContaining("MITRA_KAFKA_PORT");
    }
}
