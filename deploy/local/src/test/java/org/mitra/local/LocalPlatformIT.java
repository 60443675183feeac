package org.mitra.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * directory-service and the gateway as built by their modules, on PostgreSQL and Kafka. Free ports and a runtime
 * directory under target/ keep it clear of a platform a developer is running.
 */
class LocalPlatformIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final DemoOrganization DARKBALI = DemoOrganization.DARKBALI;

    private static LocalPlatform platform;
    private static PlatformSettings settings;

    @BeforeAll
    static void startKeycloakAndDirectory() {
        settings = TestPlatforms.settings(PlatformService.DIRECTORY, PlatformService.GATEWAY);
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

    /** Issue 12 items 14 and 15: nothing the launcher started listens beyond loopback (MITRA_HOST, 127.0.0.1 by default). */
    @Test
    void nothingTheLauncherStartedListensBeyondLoopback() throws Exception {
        requireDirectoryReady();
        ListeningSockets listening = ListeningSockets.of(platform.processIds());

        assertThat(listening.ports()).as("the components' ports, found listening: %s", listening.sockets())
                .contains(settings.postgresPort(), settings.kafkaPort(), settings.kafkaControllerPort(), settings.keycloakPort(),
                        settings.keycloakManagementPort(), settings.port(PlatformService.DIRECTORY),
                        settings.managementPort(PlatformService.DIRECTORY), settings.port(PlatformService.GATEWAY),
                        settings.managementPort(PlatformService.GATEWAY));
        assertThat(listening.beyondLoopback()).as("sockets listening beyond loopback").isEmpty();

        // And from this machine's own non-loopback addresses (never any other machine), every port is closed.
        List<String> reachable = new ArrayList<>();
        for (java.net.InetAddress own : ownNonLoopbackAddresses()) {
            for (int port : listening.ports()) {
                try (java.net.Socket socket = new java.net.Socket()) {
                    socket.connect(new java.net.InetSocketAddress(own, port), 1000);
                    reachable.add(own.getHostAddress() + ":" + port);
                } catch (IOException refused) {
                    // as it should be
                }
            }
        }
        assertThat(reachable).as("ports reachable through this machine's own network addresses").isEmpty();
    }

    /** Issue 12 item 15: Keycloak's master-realm admin is not admin/admin but the installation's own password. */
    @Test
    void keycloaksAdminIsNotAdminAdmin() throws Exception {
        assertThat(adminLogin("admin", "admin").statusCode()).isEqualTo(401);
        assertThat(adminLogin(settings.keycloakAdminUser(), settings.keycloakAdminPassword()).statusCode()).isEqualTo(200);
    }

    /** Issue 12 item 15: the confidential clients take the installation's secrets, never the realm file's old strings. */
    @Test
    void confidentialClientsTakeTheInstallationsSecretsNotTheOldFixedOnes() throws Exception {
        for (String client : List.of("mitra-partner-demo", "mitra-feeds-demo")) {
            HttpResponse<String> old = form(settings.issuer() + "/protocol/openid-connect/token",
                    Map.of("grant_type", "client_credentials", "client_id", client, "client_secret", client + "-secret"));
            assertThat(old.statusCode()).as(client + " with its old fixed secret: " + old.body()).isEqualTo(401);

            HttpResponse<String> current = form(settings.issuer() + "/protocol/openid-connect/token",
                    Map.of("grant_type", "client_credentials", "client_id", client, "client_secret", settings.clientSecret(client)));
            assertThat(current.statusCode()).as(client + ": " + current.body()).isEqualTo(200);
        }
    }

    /** Issue 12 item 15: mitra-cli (password grant) never hands out an offline token, even when asked for one. */
    @Test
    void mitraCliGetsNoOfflineToken() throws Exception {
        HttpResponse<String> response = form(settings.issuer() + "/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "mitra-cli", "scope", "openid offline_access",
                "username", DARKBALI.caseworker(), "password", DemoOrganization.DEMO_PASSWORD));

        if (response.statusCode() == 200) {
            JsonNode tokens = JSON.readTree(response.body());
            assertThat(tokens.path("scope").asText()).doesNotContain("offline_access");
            String refresh = tokens.path("refresh_token").asText();
            if (!refresh.isEmpty()) {
                assertThat(claims(refresh).path("typ").asText()).isNotEqualToIgnoringCase("Offline");
            }
        } else {
            assertThat(response.statusCode()).as(response.body()).isIn(400, 401, 403);
        }
    }

    /** Issue 12 item 15: PostgreSQL asks every connection for its password (scram-sha-256), the superuser's too. */
    @Test
    void postgresRefusesAConnectionWithoutTheRightPassword() throws Exception {
        String url = settings.jdbcUrl("directory");
        assertThatThrownBy(() -> java.sql.DriverManager.getConnection(url, "postgres", null).close())
                .as("the superuser without a password").isInstanceOf(java.sql.SQLException.class);
        assertThatThrownBy(() -> java.sql.DriverManager.getConnection(url, "postgres", "postgres").close())
                .as("the superuser with a guessed password").isInstanceOf(java.sql.SQLException.class);
        assertThatThrownBy(() -> java.sql.DriverManager.getConnection(url, "directory", null).close())
                .as("a service's user without a password").isInstanceOf(java.sql.SQLException.class);
        assertThatThrownBy(() -> java.sql.DriverManager.getConnection(url, "directory", "mitra-dev").close())
                .as("a service's user with the old default password").isInstanceOf(java.sql.SQLException.class);
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url, "directory", settings.databasePassword())) {
            assertThat(connection.isValid(5)).isTrue();
        }
    }

    /** Issue 12 item 16 in the local run: metrics on each service's own management port, not on its public port. */
    @Test
    void servicesServeMetricsOnTheirManagementPortOnly() throws Exception {
        requireDirectoryReady();
        for (PlatformService service : List.of(PlatformService.DIRECTORY, PlatformService.GATEWAY)) {
            HttpResponse<String> management = HTTP.send(HttpRequest.newBuilder(
                    URI.create(settings.managementUrl(service) + "/q/metrics")).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(management.statusCode()).as(service + " management port").isEqualTo(200);
            assertThat(management.body()).contains("# TYPE");

            HttpResponse<String> main = HTTP.send(HttpRequest.newBuilder(
                    URI.create(settings.serviceUrl(service) + "/q/metrics")).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(main.statusCode()).as(service + " main port").isEqualTo(404);
        }
    }

    private static HttpResponse<String> adminLogin(String username, String password) throws Exception {
        return form(settings.keycloakUrl() + "/realms/master/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", username, "password", password));
    }

    private static HttpResponse<String> form(String url, Map<String, String> fields) throws Exception {
        String form = fields.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<java.net.InetAddress> ownNonLoopbackAddresses() throws IOException {
        List<java.net.InetAddress> addresses = new ArrayList<>();
        for (java.net.NetworkInterface nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                java.util.Collections.list(nic.getInetAddresses()).stream()
                        .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                        .forEach(addresses::add);
            }
        }
        return addresses;
    }

    /** Issue 14: a service the launcher stopped gracefully starts again on the class-data archive its first start recorded. */
    @Test
    void aServiceStartedAgainMapsTheClassDataArchiveOfItsBuild() throws Exception {
        Path jar = settings.runtime().resolve("apps").resolve(PlatformService.DIRECTORY.module()).resolve("quarkus-run.jar");
        ClassDataArchive archive = ClassDataArchive.of(PlatformService.DIRECTORY, settings, jar);

        platform.stop(PlatformService.DIRECTORY);
        assertThat(archive.archive()).as("kept at the graceful stop").isRegularFile();
        assertThat(archive.recording()).doesNotExist();
        assertThat(platform.start(PlatformService.DIRECTORY)).isTrue();
        requireDirectoryReady();

        long directory = platform.processIds().stream()
                .filter(pid -> commandLine(pid).contains(PlatformService.DIRECTORY.module() + "/quarkus-run.jar"))
                .findFirst().orElseThrow();
        assertThat(commandLine(directory)).contains("-XX:SharedArchiveFile=" + archive.archive());
        assertThat(Files.readString(Path.of("/proc/" + directory + "/maps"))).as("mapped by the JVM")
                .contains(archive.archive().toString());
    }

    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException gone) {
            return "";
        }
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
