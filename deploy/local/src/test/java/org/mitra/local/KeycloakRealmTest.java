package org.mitra.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 12 item 15: the realm file holds no client secret; the launcher fills each installation's own at import. */
class KeycloakRealmTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path REPOSITORY = PlatformSettings.findRepository(Path.of(""));

    @Test
    void theRealmFileHoldsPlaceholdersNotSecrets() throws Exception {
        JsonNode realm = JSON.readTree(REPOSITORY.resolve(KeycloakServer.REALM_FILE).toFile());

        List<JsonNode> confidential = confidentialClients(realm);
        assertThat(confidential).extracting(client -> client.path("clientId").asText())
                .contains("mitra-partner-demo", "mitra-feeds-demo");
        for (JsonNode client : confidential) {
            assertThat(client.path("secret").asText()).as(client.path("clientId").asText())
                    .isEqualTo(KeycloakRealm.placeholder(client.path("clientId").asText()));
        }
    }

    @Test
    void theLauncherFillsEachConfidentialClientsSecretOfTheInstallation() throws Exception {
        PlatformSettings settings = installation();

        JsonNode realm = JSON.readTree(KeycloakRealm.forImport(REPOSITORY.resolve(KeycloakServer.REALM_FILE), settings));

        for (JsonNode client : confidentialClients(realm)) {
            String id = client.path("clientId").asText();
            assertThat(client.path("secret").asText()).as(id).isEqualTo(settings.clientSecret(id));
        }
        assertThat(realm.toString()).doesNotContain("${MITRA_");
    }

    @Test
    void aConfidentialClientWithAFixedSecretIsRefused() throws Exception {
        ObjectNode realm = (ObjectNode) JSON.readTree(REPOSITORY.resolve(KeycloakServer.REALM_FILE).toFile());
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals("mitra-partner-demo")) {
                ((ObjectNode) client).put("secret", "mitra-partner-demo-secret");
            }
        }
        Path file = Path.of("target/realm-with-fixed-secret-" + System.nanoTime() + ".json");
        java.nio.file.Files.createDirectories(file.getParent());
        JSON.writeValue(file.toFile(), realm);

        assertThatThrownBy(() -> KeycloakRealm.forImport(file, installation()))
                .hasMessageContaining("mitra-partner-demo").hasMessageContaining("fixed secret");
    }

    @Test
    void mitraCliCannotAskForOfflineAccess() throws Exception {
        JsonNode realm = JSON.readTree(REPOSITORY.resolve(KeycloakServer.REALM_FILE).toFile());
        JsonNode cli = client(realm, "mitra-cli");

        // Without scopes of its own a client takes the realm's defaults, so both must leave offline_access out.
        assertThat(cli.has("defaultClientScopes")).isTrue();
        assertThat(texts(cli.path("defaultClientScopes"))).doesNotContain("offline_access");
        assertThat(texts(cli.path("optionalClientScopes"))).doesNotContain("offline_access");
        assertThat(texts(realm.path("defaultDefaultClientScopes"))).doesNotContain("offline_access");
        assertThat(texts(realm.path("defaultOptionalClientScopes"))).doesNotContain("offline_access");
    }

    private static PlatformSettings installation() {
        return PlatformSettings.fromEnvironment(
                Map.of("MITRA_RUNTIME_DIR", "deploy/local/target/realm-test-" + System.nanoTime()), REPOSITORY);
    }

    private static List<JsonNode> confidentialClients(JsonNode realm) {
        List<JsonNode> clients = new ArrayList<>();
        realm.path("clients").forEach(client -> {
            if (!client.path("publicClient").asBoolean(false) && !client.path("bearerOnly").asBoolean(false)) {
                clients.add(client);
            }
        });
        return clients;
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
