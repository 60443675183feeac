package org.mitra.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.KeyPair;
import java.util.Map;

/**
 * A signing key the {@code mitra} realm trusts, held by the suite: an RSA key imported through Keycloak's admin REST
 * API as a key provider component ({@code providerId rsa}), at a priority below the realm's own key so that Keycloak
 * keeps signing its tokens with its own. It appears in the realm's JWKS under the kid Keycloak gives it, so tokens the
 * suite signs with it carry valid signatures and whatever claims a case needs.
 */
final class RealmSigningKey {
    private static final String NAME_PREFIX = "system-tests-";
    private final KeyPair keys;
    private final String kid;

    private RealmSigningKey(KeyPair keys, String kid) {
        this.keys = keys;
        this.kid = kid;
    }

    static RealmSigningKey importInto(SystemPlatform platform) {
        KeyPair keys = Jwts.rsaKeyPair();
        String keycloak = platform.settings().keycloakUrl();
        Map<String, String> admin = Map.of("Authorization", "Bearer " + platform.tokens().keycloakAdmin(),
                "Content-Type", "application/json");
        Http http = platform.http();
        String realmId = Json.read(http.get(keycloak + "/admin/realms/mitra", admin).body()).path("id").asText();
        // Keycloak keeps its database between runs: the keys of earlier runs go first, so the realm holds one test key.
        JsonNode earlier = Json.read(http.get(keycloak + "/admin/realms/mitra/components?type=org.keycloak.keys.KeyProvider", admin).body());
        for (JsonNode component : earlier) {
            if (component.path("name").asText().startsWith(NAME_PREFIX)) {
                http.send("DELETE", keycloak + "/admin/realms/mitra/components/" + component.path("id").asText(), admin, null);
            }
        }
        ObjectNode component = Json.object().put("name", NAME_PREFIX + System.nanoTime()).put("providerId", "rsa")
                .put("providerType", "org.keycloak.keys.KeyProvider").put("parentId", realmId);
        ObjectNode config = component.putObject("config");
        config.putArray("priority").add("1");
        config.putArray("enabled").add("true");
        config.putArray("active").add("true");
        config.putArray("algorithm").add("RS256");
        config.putArray("privateKey").add(Jwts.pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
        Http.Exchange created = http.send("POST", keycloak + "/admin/realms/mitra/components", admin, Json.write(component));
        if (created.status() != 201) {
            throw new IllegalStateException("Keycloak refused the test key: " + created.describe());
        }
        String location = created.header("Location").orElseThrow();
        String componentId = location.substring(location.lastIndexOf('/') + 1);
        JsonNode realmKeys = Json.read(http.get(keycloak + "/admin/realms/mitra/keys", admin).body());
        for (JsonNode key : realmKeys.path("keys")) {
            if (key.path("providerId").asText().equals(componentId)) {
                return new RealmSigningKey(keys, key.path("kid").asText());
            }
        }
        throw new IllegalStateException("The imported key is not among the realm's keys: " + realmKeys);
    }

    String kid() {
        return kid;
    }

    String sign(JsonNode claims) {
        return Jwts.rs256(Jwts.header("RS256", kid), claims, keys.getPrivate());
    }
}
