package org.mitra.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The {@code mitra} realm as Keycloak imports it: deploy/keycloak/mitra-realm.json with each confidential client's
 * secret placeholder, {@code ${MITRA_<CLIENT_ID>_SECRET}}, filled with the installation's own secret for that client.
 * A confidential client with any other secret in the file is refused: a secret in the repository is no secret.
 */
final class KeycloakRealm {
    private static final ObjectMapper JSON = new ObjectMapper();

    private KeycloakRealm() {
    }

    /** The placeholder the realm file holds as a confidential client's secret, e.g. {@code ${MITRA_PARTNER_DEMO_SECRET}}. */
    static String placeholder(String clientId) {
        String name = clientId.toUpperCase(Locale.ROOT).replace('-', '_');
        return "${" + (name.startsWith("MITRA_") ? name : "MITRA_" + name) + "_SECRET}";
    }

    static byte[] forImport(Path realmFile, PlatformSettings settings) {
        try {
            JsonNode realm = JSON.readTree(realmFile.toFile());
            for (JsonNode client : realm.path("clients")) {
                if (client.path("publicClient").asBoolean(false) || client.path("bearerOnly").asBoolean(false)) {
                    continue;
                }
                String clientId = client.path("clientId").asText();
                String secret = client.path("secret").asText("");
                if (!secret.equals(placeholder(clientId))) {
                    throw new IllegalStateException(realmFile + ": the confidential client " + clientId + " has a fixed secret;"
                            + " write " + placeholder(clientId) + " instead and the launcher fills in the installation's own");
                }
                ((ObjectNode) client).put("secret", settings.clientSecret(clientId));
            }
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(realm);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the realm file " + realmFile, e);
        }
    }
}
