package org.mitra.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.mitra.local.DemoOrganization;
import org.mitra.local.PlatformSettings;

/**
 * Access tokens from the real Keycloak: demo users through the password grant of client {@code mitra-cli}, partner
 * systems through client credentials. Cached per caller and fetched again when less than a minute of life is left.
 */
public final class KeycloakTokens {
    private static final long MARGIN_SECONDS = 60;

    private final PlatformSettings settings;
    private final Http http;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(String token, Instant expires) {
    }

    KeycloakTokens(PlatformSettings settings, Http http) {
        this.settings = settings;
        this.http = http;
    }

    /** A demo user's access token (every demo user has the password {@link DemoOrganization#DEMO_PASSWORD}). */
    public String user(String username) {
        return cached("user:" + username, () -> fetch(settings.issuer(), Map.of("grant_type", "password", "client_id", "mitra-cli",
                "username", username, "password", DemoOrganization.DEMO_PASSWORD)));
    }

    /** A confidential client's service-account token (client credentials grant). */
    public String client(String clientId, String secret) {
        return cached("client:" + clientId, () -> fetch(settings.issuer(), Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", secret)));
    }

    /** The installation's secret of a confidential client (the local run makes one per installation). */
    public String clientSecret(String clientId) {
        return settings.clientSecret(clientId);
    }

    /** A token of Keycloak's own administrator, for the admin REST API. */
    public String keycloakAdmin() {
        return cached("admin", () -> fetch(settings.keycloakUrl() + "/realms/master", Map.of("grant_type", "password",
                "client_id", "admin-cli", "username", settings.keycloakAdminUser(), "password", settings.keycloakAdminPassword())));
    }

    /**
     * One fetch at a time: the realm's brute-force detection takes concurrent logins of one user for an attack and
     * locks the user out.
     */
    private synchronized String cached(String key, java.util.function.Supplier<Cached> fetch) {
        Cached cached = cache.get(key);
        if (cached == null || Instant.now().plusSeconds(MARGIN_SECONDS).isAfter(cached.expires())) {
            cached = fetch.get();
            cache.put(key, cached);
        }
        return cached.token();
    }

    /** Lifts any lockout the realm's brute-force detection left from an earlier run (Keycloak keeps it in its database). */
    void clearLockouts() {
        Http.Exchange response = http.send("DELETE", settings.keycloakUrl() + "/admin/realms/mitra/attack-detection/brute-force/users",
                Map.of("Authorization", "Bearer " + keycloakAdmin()), null);
        if (response.status() / 100 != 2) {
            throw new IllegalStateException("Cannot clear the realm's lockouts: " + response.status() + " " + response.body());
        }
    }

    private Cached fetch(String realmUrl, Map<String, String> form) {
        String body = new LinkedHashMap<>(form).entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        Http.Exchange response = http.send("POST", realmUrl + "/protocol/openid-connect/token",
                Map.of("Content-Type", "application/x-www-form-urlencoded"), body);
        if (response.status() != 200) {
            throw new IllegalStateException("Keycloak refused a token for " + form.getOrDefault("username", form.get("client_id"))
                    + ": " + response.status() + " " + response.body());
        }
        JsonNode answer = Json.read(response.body());
        return new Cached(answer.get("access_token").asText(), Instant.now().plusSeconds(answer.path("expires_in").asLong(60)));
    }
}
