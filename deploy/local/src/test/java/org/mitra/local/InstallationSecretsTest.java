package org.mitra.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InstallationSecretsTest {
    @Test
    void aFreshKeysetIsOneEnabledAes256GcmKeyThatIsItsOwnPrimary() throws Exception {
        JsonNode keyset = new ObjectMapper().readTree(InstallationSecrets.generate());
        JsonNode key = keyset.path("key").get(0);
        assertThat(keyset.path("key").size()).isEqualTo(1);
        assertThat(key.path("keyId").asLong()).isEqualTo(keyset.path("primaryKeyId").asLong()).isPositive();
        assertThat(key.path("status").asText()).isEqualTo("ENABLED");
        assertThat(key.path("keyData").path("typeUrl").asText()).isEqualTo("type.googleapis.com/google.crypto.tink.AesGcmKey");
        byte[] value = Base64.getDecoder().decode(key.path("keyData").path("value").asText());
        assertThat(value).hasSize(34);
        assertThat(value[0]).isEqualTo((byte) 0x1A);
        assertThat(value[1]).isEqualTo((byte) 0x20);
        assertThat(InstallationSecrets.generate()).isNotEqualTo(InstallationSecrets.generate());
    }

    @Test
    void anInstallationKeepsItsSecrets() {
        Path repository = PlatformSettings.findRepository(Path.of(""));
        PlatformSettings settings = PlatformSettings.fromEnvironment(
                Map.of("MITRA_RUNTIME_DIR", "deploy/local/target/vault-keyset-test-" + System.nanoTime()), repository);
        String first = InstallationSecrets.forInstallation(settings);
        assertThat(InstallationSecrets.forInstallation(settings)).isEqualTo(first);
        String emailKey = InstallationSecrets.emailHashKey(settings);
        assertThat(Base64.getDecoder().decode(emailKey)).hasSize(32);
        assertThat(InstallationSecrets.emailHashKey(settings)).isEqualTo(emailKey);
    }

    /** Issue 12 item 15: no secret of the local run is the same in two installations, and each is the owner's only. */
    @Test
    void twoInstallationsShareNoSecretAndOnlyTheOwnerReadsThem() throws Exception {
        PlatformSettings first = installation();
        PlatformSettings second = installation();

        for (String client : java.util.List.of("mitra-partner-demo", "mitra-feeds-demo")) {
            assertThat(first.clientSecret(client)).isNotEqualTo(second.clientSecret(client))
                    .isNotEqualTo(client + "-secret").hasSizeGreaterThanOrEqualTo(40)
                    .isEqualTo(first.clientSecret(client));
        }
        assertThat(first.clientSecret("mitra-partner-demo")).isNotEqualTo(first.clientSecret("mitra-feeds-demo"));
        assertThat(first.keycloakAdminPassword()).isNotEqualTo(second.keycloakAdminPassword()).isNotEqualTo("admin")
                .isEqualTo(first.keycloakAdminPassword());
        assertThat(first.postgresSuperuserPassword()).isNotEqualTo(second.postgresSuperuserPassword());
        assertThat(first.databasePassword()).isNotEqualTo(second.databasePassword()).isNotEqualTo("mitra-dev")
                .isNotEqualTo(first.postgresSuperuserPassword());
        assertThat(InstallationSecrets.idempotencyFingerprintKey(first)).isNotEqualTo(InstallationSecrets.idempotencyFingerprintKey(second));
        // Issue 12 item 12: the referral database's owner has a password of its own.
        assertThat(first.databaseOwnerPassword("referral_owner")).isNotEqualTo(second.databaseOwnerPassword("referral_owner"))
                .isNotEqualTo(first.databasePassword()).isNotEqualTo(first.postgresSuperuserPassword())
                .hasSizeGreaterThanOrEqualTo(40).isEqualTo(first.databaseOwnerPassword("referral_owner"));
        // The key store's owner and its runtime role too, each its own.
        assertThat(first.keyStoreRuntimePassword("referral_keys_runtime"))
                .isNotEqualTo(second.keyStoreRuntimePassword("referral_keys_runtime"))
                .isNotEqualTo(first.databaseOwnerPassword("referral_keys")).isNotEqualTo(first.databasePassword())
                .isNotEqualTo(first.databaseOwnerPassword("referral_owner"))
                .hasSizeGreaterThanOrEqualTo(40).isEqualTo(first.keyStoreRuntimePassword("referral_keys_runtime"));

        assertThat(java.nio.file.Files.getPosixFilePermissions(first.secrets()))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        try (var files = java.nio.file.Files.list(first.secrets())) {
            for (Path file : files.toList()) {
                assertThat(java.nio.file.Files.getPosixFilePermissions(file)).as(file.toString())
                        .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            }
        }
        // Made by this process: the start-up summary prints them this once.
        assertThat(InstallationSecrets.madeNow(first)).contains("keycloak-admin-password", "keycloak-client-mitra-partner-demo-secret");
    }

    private static PlatformSettings installation() {
        Path repository = PlatformSettings.findRepository(Path.of(""));
        return PlatformSettings.fromEnvironment(
                Map.of("MITRA_RUNTIME_DIR", "deploy/local/target/installation-secrets-test-" + System.nanoTime()), repository);
    }
}
