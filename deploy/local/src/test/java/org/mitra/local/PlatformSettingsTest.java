package org.mitra.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformSettingsTest {
    private static final Path REPOSITORY = Path.of("/work/mitra");

    @Test
    void defaultsAreThePortsOfTheDesign() {
        PlatformSettings settings = PlatformSettings.fromEnvironment(Map.of(), REPOSITORY);

        assertThat(settings.runtime()).isEqualTo(REPOSITORY.resolve("deploy/local/.runtime"));
        assertThat(settings.jdbcUrl("directory")).isEqualTo("jdbc:postgresql://localhost:5432/directory");
        assertThat(settings.kafkaBootstrapServers()).isEqualTo("localhost:9092");
        assertThat(settings.issuer()).isEqualTo("http://localhost:8180/realms/mitra");
        assertThat(settings.serviceUrl(PlatformService.GATEWAY)).isEqualTo("http://localhost:8080");
        assertThat(settings.serviceUrl(PlatformService.AWARENESS)).isEqualTo("http://localhost:8083");
        assertThat(settings.services()).containsExactlyInAnyOrder(PlatformService.values());
        assertThat(settings.databasePassword()).isEqualTo("mitra-dev");
    }

    @Test
    void environmentMovesPortsAndChoosesServices() {
        PlatformSettings settings = PlatformSettings.fromEnvironment(Map.of(
                "MITRA_KEYCLOAK_PORT", "18180",
                "MITRA_DIRECTORY_PORT", "18081",
                "MITRA_SERVICES", "directory-service, gateway",
                "MITRA_STARTUP_TIMEOUT", "60",
                "MITRA_RUNTIME_DIR", "/srv/mitra"), REPOSITORY);

        assertThat(settings.issuer()).isEqualTo("http://localhost:18180/realms/mitra");
        assertThat(settings.serviceUrl(PlatformService.DIRECTORY)).isEqualTo("http://localhost:18081");
        assertThat(settings.services()).containsExactlyInAnyOrder(PlatformService.DIRECTORY, PlatformService.GATEWAY);
        assertThat(settings.startupTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.runtime()).isEqualTo(Path.of("/srv/mitra"));
    }

    @Test
    void eachServiceGetsItsOwnDatabaseAndTheGatewayLearnsWhereServicesAre() {
        PlatformSettings settings = PlatformSettings.fromEnvironment(Map.of("MITRA_REFERRAL_PORT", "9182"), REPOSITORY);

        assertThat(ServiceProcess.environment(PlatformService.REFERRAL, settings))
                .containsEntry("QUARKUS_HTTP_PORT", "9182")
                .containsEntry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:5432/referral")
                .containsEntry("QUARKUS_DATASOURCE_USERNAME", "referral")
                .containsEntry("QUARKUS_OIDC_AUTH_SERVER_URL", "http://localhost:8180/realms/mitra")
                .containsEntry("MITRA_DEMO_DATA", "true");
        assertThat(ServiceProcess.environment(PlatformService.GATEWAY, settings))
                .doesNotContainKey("QUARKUS_DATASOURCE_JDBC_URL")
                .containsEntry("MITRA_REFERRAL_URL", "http://localhost:9182");
    }

    @Test
    void anUnknownModuleOrAMalformedPortIsRefusedWithItsName() {
        assertThatThrownBy(() -> PlatformSettings.fromEnvironment(Map.of("MITRA_SERVICES", "billing-service"), REPOSITORY))
                .hasMessageContaining("MITRA_SERVICES").hasMessageContaining("billing-service");
        assertThatThrownBy(() -> PlatformSettings.fromEnvironment(Map.of("MITRA_KAFKA_PORT", "ninety"), REPOSITORY))
                .hasMessageContaining("MITRA_KAFKA_PORT");
    }
}
