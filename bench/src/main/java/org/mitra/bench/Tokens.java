package org.mitra.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.mitra.local.DemoOrganization;
import org.mitra.local.PlatformSettings;

/**
 * Real signed access tokens from the run's Keycloak (password grant of client {@code mitra-cli}, as a partner app's
 * user would get them), fetched again when less than two minutes of life are left, so no run uses an expiring one.
 */
final class Tokens {
    private static final long MARGIN_SECONDS = 120;

    private final PlatformSettings settings;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, String> tokens = new HashMap<>();
    private final Map<String, Instant> expiries = new HashMap<>();

    Tokens(PlatformSettings settings) {
        this.settings = settings;
    }

    synchronized String user(String username) throws IOException, InterruptedException {
        Instant expiry = expiries.get(username);
        if (expiry == null || Instant.now().plusSeconds(MARGIN_SECONDS).isAfter(expiry)) {
            String form = "grant_type=password&client_id=mitra-cli&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                    + "&password=" + URLEncoder.encode(DemoOrganization.DEMO_PASSWORD, StandardCharsets.UTF_8);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(settings.issuer() + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("No token for " + username + ": " + response.statusCode());
            }
            JsonNode body = new ObjectMapper().readTree(response.body());
            tokens.put(username, body.path("access_token").asText());
            expiries.put(username, Instant.now().plusSeconds(body.path("expires_in").asLong()));
        }
        return tokens.get(username);
    }

    Map<String, String> bearer(String username) throws IOException, InterruptedException {
        return Map.of("Authorization", "Bearer " + user(username));
    }
}
