package org.mitra.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end through the launcher's own code: the real Keycloak distribution with the {@code mitra} realm, and
 * directory-service as built by its module, on PostgreSQL and Kafka. Free ports and a runtime directory under
 * target/ keep it clear of a platform a developer is running.
 */
class LocalPlatformIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final DemoOrganization DARKBALI = DemoOrganization.DARKBALI;

    private static LocalPlatform platform;
    private static PlatformSettings settings;

    @BeforeAll
    static void startKeycloakAndDirectory() {
        settings = TestPlatforms.settings(PlatformService.DIRECTORY);
        platform = LocalPlatform.start(settings);
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void anOrganizationAdminsTokenCarriesItsOrganizationRoleAndTheApiAudience() throws Exception {
        HttpResponse<String> response = passwordGrant(DARKBALI.admin(), DemoOrganization.DEMO_PASSWORD);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode claims = claims(JSON.readTree(response.body()).get("access_token").asText());
        assertThat(claims.path("org").asText()).isEqualTo(DARKBALI.id().toString());
        assertThat(texts(claims.path("realm_access").path("roles"))).contains("org-admin");
        assertThat(texts(claims.path("aud"))).contains("mitra-api");
        assertThat(claims.path("iss").asText()).isEqualTo(settings.issuer());
        assertThat(claims.path("preferred_username").asText()).isEqualTo(DARKBALI.admin());
    }

    @Test
    void aWrongPasswordIsAnInvalidGrant() throws Exception {
        HttpResponse<String> response = passwordGrant(DARKBALI.caseworker(), "not-the-password");

        // Keycloak 26.5 answers 401 here, not RFC 6749's 400 (keycloak/keycloak#45812).
        assertThat(response.statusCode()).isIn(400, 401);
        assertThat(JSON.readTree(response.body()).path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void directoryServiceKnowsTheCallersOrganization() throws Exception {
        requireDirectoryReady();
        String token = JSON.readTree(passwordGrant(DARKBALI.admin(), DemoOrganization.DEMO_PASSWORD).body())
                .get("access_token").asText();

        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(callerUri())
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode caller = JSON.readTree(response.body());
        assertThat(caller.path("organization").asText()).isEqualTo(DARKBALI.id().toString());
        assertThat(caller.path("username").asText()).isEqualTo(DARKBALI.admin());
        assertThat(texts(caller.path("roles"))).contains("org-admin");
    }

    @Test
    void directoryServiceRefusesACallerWithoutToken() throws Exception {
        requireDirectoryReady();

        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(callerUri()).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    private static void requireDirectoryReady() {
        assertThat(platform.statuses())
                .filteredOn(status -> status.name().equals(PlatformService.DIRECTORY.module()))
                .singleElement()
                .satisfies(status -> assertThat(status.ready()).as("directory-service: %s %s", status.state(), status.detail()).isTrue());
    }

    private static URI callerUri() {
        return URI.create(settings.serviceUrl(PlatformService.DIRECTORY) + "/api/directory/me");
    }

    private static HttpResponse<String> passwordGrant(String username, String password) throws Exception {
        String form = Map.of("grant_type", "password", "client_id", "mitra-cli", "username", username, "password", password)
                .entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode claims(String jwt) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    /** A claim that may be one string or an array of strings, such as {@code aud}. */
    private static List<String> texts(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(value -> values.add(value.asText()));
        } else if (!node.isMissingNode()) {
            values.add(node.asText());
        }
        return values;
    }
}
