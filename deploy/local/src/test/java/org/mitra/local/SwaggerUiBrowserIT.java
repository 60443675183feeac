package org.mitra.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A coalition admin opens Swagger UI on the gateway in a real browser (Debian's Chromium driven by Playwright),
 * signs in to the real Keycloak through the Authorize dialog (authorization code with PKCE, client
 * {@code mitra-swagger}), runs an operation that needs the token, and the page shows the answer. The screenshot is
 * kept at {@code deploy/local/target/browser/swagger-ui.png}. The public coverage picture is drawn at a phone's and a
 * desktop's width.
 *
 * <p>Skipped, with the reason, where no Chromium is installed ({@code apt-get install chromium}; another binary can
 * be named in {@code MITRA_CHROMIUM}) or no Node.js is on the path; with {@code CI=true} either absence fails it. Playwright itself ({@code playwright-core},
 * pinned in {@code src/test/browser/package.json}) comes from the npm registry; it never downloads a browser.
 */
class SwaggerUiBrowserIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("MITRA_CHROMIUM", "/usr/bin/chromium"));
    private static final Path SOURCES = Path.of("src/test/browser");
    private static final Path WORK = Path.of("target/browser");

    private static LocalPlatform platform;
    private static PlatformSettings settings;

    @BeforeAll
    static void startPlatformWithBrowserTools() throws Exception {
        requireTool(Files.isExecutable(CHROMIUM), "No Chromium at " + CHROMIUM
                + " (Debian: apt-get install chromium, or name one in MITRA_CHROMIUM)");
        requireTool(succeeds(List.of("node", "--version"), Path.of(".")), "No Node.js on the path");
        installPlaywright();
        settings = TestPlatforms.settings(PlatformService.DIRECTORY, PlatformService.GATEWAY);
        platform = LocalPlatform.start(settings);
        allowSwaggerRedirectTo(settings.serviceUrl(PlatformService.GATEWAY));
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aCoalitionAdminSignsInThroughSwaggerUiAndRunsAnAuthorizedCall() throws Exception {
        Path screenshot = WORK.resolve("swagger-ui.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        Browser run = browser("swagger-login.mjs", Map.of(
                "GATEWAY_URL", settings.serviceUrl(PlatformService.GATEWAY),
                "MITRA_USERNAME", "coalition-admin",
                "MITRA_PASSWORD", DemoOrganization.DEMO_PASSWORD,
                "OPERATION_PATH", "/api/directory/me",
                "EXPECT_TEXT", "\"coalition-admin\"",
                "SCREENSHOT", screenshot.toString()));
        String output = run.output();

        JsonNode outcome = JSON.readTree(lastLine(output));
        assertThat(outcome.path("status").asText()).as(output).isEqualTo("200");
        assertThat(outcome.path("bodyHasExpectedText").asBoolean()).as("the page shows the caller coalition-admin: " + output).isTrue();
        assertThat(run.exitValue()).as(output).isZero();
        assertThat(screenshot).isNotEmptyFile();
    }

    /**
     * The public coverage picture as a browser draws it, 400 and 1200 px wide (a phone and a desktop): it fills the
     * width, every visible label (slices, category names where they fit, legend) lies inside the picture, and each
     * category segment has its tooltip (issue 13). Screenshots are kept at
     * {@code deploy/local/target/browser/coverage-<width>.png}.
     */
    @Test
    void theCoveragePictureReadsWellOnAPhoneAndOnADesktop() throws Exception {
        Browser run = browser("coverage-pie.mjs", Map.of(
                "SVG_URL", settings.serviceUrl(PlatformService.GATEWAY) + "/api/directory/coverage.svg?region=51",
                "WIDTHS", "400,1200",
                "SCREENSHOT_PREFIX", WORK.resolve("coverage").toAbsolutePath().toString()));
        String output = run.output();
        assertThat(run.exitValue()).as(output).isZero();
        JsonNode outcome = JSON.readTree(lastLine(output));
        assertThat(outcome.path("widths")).as("both widths measured: " + output).hasSize(2);
        for (JsonNode width : outcome.path("widths")) {
            String at = width.path("width").asInt() + " px: " + width;
            assertThat(width.path("status").asInt()).as(at).isEqualTo(200);
            assertThat(width.path("contentType").asText()).as(at).startsWith("image/svg+xml");
            assertThat(width.path("rootElement").asText()).as(at).isEqualTo("svg");
            assertThat(width.path("pictureWidth").asInt()).as("the picture fills the width; " + at)
                    .isBetween(width.path("width").asInt() - 20, width.path("width").asInt());
            assertThat(width.path("labelsOutside")).as("no label cut at the edge; " + at).isEmpty();
            assertThat(width.path("segmentsWithTooltip").asInt()).as("a tooltip per category segment; " + at)
                    .isGreaterThanOrEqualTo(29);
        }
        for (JsonNode width : outcome.path("widths")) {
            assertThat(width.path("visibleCategoryLabels").asInt()).as("category names where they fit: " + width).isPositive();
            assertThat(width.path("visibleLabels").asInt()).as("slices and legend named: " + width)
                    .isGreaterThan(width.path("visibleCategoryLabels").asInt());
        }
    }

    /** A finished browser script: its exit value and what it printed. */
    private record Browser(int exitValue, String output) {
    }

    /** Runs one of the browser scripts in Debian's Chromium with its settings; it must end within 3 minutes. */
    private static Browser browser(String script, Map<String, String> environment) throws Exception {
        ProcessBuilder node = new ProcessBuilder("node", script).directory(WORK.toFile()).redirectErrorStream(true);
        node.environment().putAll(environment);
        node.environment().put("CHROMIUM", CHROMIUM.toString());
        Process process = node.start();
        boolean finished = process.waitFor(3, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(finished).as("the browser run of " + script + " ended within 3 minutes: " + output).isTrue();
        return new Browser(process.exitValue(), output);
    }

    /**
     * A tool outside the JDK: on CI ({@code CI=true}, where {@code .ci/run} installs it) its absence fails the test;
     * elsewhere the test is skipped and says why.
     */
    private static void requireTool(boolean present, String missing) {
        if (Boolean.parseBoolean(System.getenv("CI"))) {
            assertThat(present).as(missing + ": CI must run the Swagger UI browser test (.ci/run installs its tools)").isTrue();
        }
        assumeTrue(present, missing + ": the Swagger UI browser test is skipped");
    }

    /** Copies the script and its package.json to target/ and installs the pinned playwright-core there. */
    private static void installPlaywright() throws IOException {
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "swagger-login.mjs", "coverage-pie.mjs")) {
            Files.copy(SOURCES.resolve(file), WORK.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(WORK.resolve("node_modules/playwright-core"))) {
            assertThat(succeeds(List.of("npm", "install", "--no-audit", "--no-fund", "--no-package-lock"), WORK))
                    .as("npm installs playwright-core from the npm registry").isTrue();
        }
    }

    /**
     * The realm lets Swagger UI sign in from the gateway's usual address; this test's gateway has a free port, so
     * the test adds its address to the client's redirect URIs through Keycloak's admin API.
     */
    private static void allowSwaggerRedirectTo(String gatewayUrl) throws Exception {
        String admin = form(settings.keycloakUrl() + "/realms/master/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "admin-cli",
                "username", settings.keycloakAdminUser(), "password", settings.keycloakAdminPassword()))
                .path("access_token").asText();
        String clients = settings.keycloakUrl() + "/admin/realms/" + KeycloakServer.REALM + "/clients";
        JsonNode found = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(clients + "?clientId=mitra-swagger"))
                .header("Authorization", "Bearer " + admin).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
        ObjectNode client = (ObjectNode) found.get(0);
        ((ArrayNode) client.withArray("redirectUris")).add(gatewayUrl + "/*");
        HttpResponse<String> updated = HTTP.send(HttpRequest.newBuilder(URI.create(clients + "/" + client.path("id").asText()))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(client))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(204);
    }

    private static JsonNode form(String url, Map<String, String> fields) throws Exception {
        String body = fields.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static boolean succeeds(List<String> command, Path directory) {
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(5, TimeUnit.MINUTES) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String lastLine(String output) {
        String[] lines = output.strip().split("\n");
        return lines[lines.length - 1];
    }
}
