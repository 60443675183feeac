package org.mitra.example;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Access tokens from the platform's Keycloak realm, fetched as a partner fetches them, with nothing but
 * {@code java.net.http}: a partner system (a shelter's case-management system) signs in as its own confidential client
 * with the client-credentials grant; a staff member's script signs in as a user through the public client
 * {@code mitra-cli} (direct access grants, development realms only).
 */
final class PartnerLogin {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String realmUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** {@code realmUrl}: the realm's issuer, e.g. {@code http://127.0.0.1:8180/realms/mitra}. */
    PartnerLogin(String realmUrl) {
        this.realmUrl = realmUrl;
    }

    /** A partner system's token: its client id and the secret the coalition gave it. */
    String partnerSystem(String clientId, String clientSecret) {
        return token(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", clientSecret));
    }

    /** A staff member's token (password grant of client mitra-cli). */
    String staffMember(String username, String password) {
        return token(Map.of("grant_type", "password", "client_id", "mitra-cli", "username", username, "password", password));
    }

    private String token(Map<String, String> form) {
        String body = new LinkedHashMap<>(form).entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + form.getOrDefault("username", form.get("client_id"))
                        + ": " + response.statusCode() + " " + response.body());
            }
            JsonNode answer = JSON.readTree(response.body());
            return answer.get("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak did not answer at " + realmUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking Keycloak for a token", e);
        }
    }
}
