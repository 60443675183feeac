package org.mitra.local.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.mitra.local.Directories;
import org.mitra.local.LocalPlatform;
import org.mitra.local.PlatformService;
import org.mitra.local.PlatformSettings;

/**
 * The whole platform as separate processes, started once for the fault suite, with what a test needs to talk
 * to it: HTTP with hard timeouts (a hang is a failure, never a wait), Keycloak tokens per demo user, and JDBC
 * to each service's database for consistency checks.
 */
final class Platform {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final LocalPlatform platform;
    final PlatformSettings settings;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    private record Token(String value, Instant expires) {
    }

    /** One answer: status, body and content type; status 0 means no answer in time or no connection. */
    record Answer(int status, String body, String contentType, Duration took) {
        boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body, e);
            }
        }
    }

    private Platform(LocalPlatform platform) {
        this.platform = platform;
        this.settings = platform.settings();
    }

    static Platform start(String runtimeDirectory) {
        PlatformSettings settings = PlatformSettings.withFreePorts(PlatformSettings.findRepository(Path.of("")),
                runtimeDirectory, PlatformService.values());
        Directories.delete(settings.runtime().resolve("postgres/data"));
        Directories.delete(settings.runtime().resolve("kafka"));
        return new Platform(LocalPlatform.start(settings));
    }

    String url(PlatformService service) {
        return settings.serviceUrl(service);
    }

    Answer get(PlatformService service, String path, String token) {
        return send(request(service, path, token).GET());
    }

    Answer post(PlatformService service, String path, String token, Object body) {
        return post(service, path, token, body, Map.of());
    }

    Answer post(PlatformService service, String path, String token, Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = request(service, path, token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            headers.forEach(request::header);
            return send(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpRequest.Builder request(PlatformService service, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(service) + path)).timeout(REQUEST_TIMEOUT);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    static Answer send(HttpRequest.Builder request) {
        Instant begin = Instant.now();
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(null), Duration.between(begin, Instant.now()));
        } catch (HttpTimeoutException e) {
            return new Answer(0, "timed out", null, Duration.between(begin, Instant.now()));
        } catch (IOException e) {
            return new Answer(0, "no connection: " + e.getClass().getSimpleName(), null, Duration.between(begin, Instant.now()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A demo user's access token from Keycloak (password grant, client mitra-cli), reused while it has a minute left.
     * One login at a time: Keycloak's brute-force detection counts logins of one user less than a second apart as
     * failures and would lock the user out.
     */
    synchronized String token(String username) {
        Token cached = tokens.get(username);
        if (cached != null && cached.expires().isAfter(Instant.now().plusSeconds(60))) {
            return cached.value();
        }
        Answer answer = login(username, "mitra-demo");
        if (answer.status() != 200) {
            throw new IllegalStateException("No token for " + username + ": " + answer.status() + " " + answer.body());
        }
        JsonNode body = answer.json();
        Token token = new Token(body.path("access_token").asText(), Instant.now().plusSeconds(body.path("expires_in").asLong()));
        tokens.put(username, token);
        return token.value();
    }

    Answer login(String username, String password) {
        String form = Map.of("grant_type", "password", "client_id", "mitra-cli", "username", username, "password", password)
                .entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(settings.issuer() + "/protocol/openid-connect/token"))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    boolean ready(PlatformService service) {
        return get(service, "/q/health/ready", null).status() == 200;
    }

    Connection database(String name) throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl(name), name, settings.databasePassword());
    }

    /** Polls until the condition holds; returns how long it took, or fails after the timeout. */
    static Duration await(String what, Duration timeout, BooleanSupplier condition) {
        Instant begin = Instant.now();
        while (!condition.getAsBoolean()) {
            if (Duration.between(begin, Instant.now()).compareTo(timeout) > 0) {
                throw new AssertionError(what + " did not happen within " + timeout.toSeconds() + " s");
            }
            pause(Duration.ofMillis(250));
        }
        return Duration.between(begin, Instant.now());
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void close() {
        platform.close();
    }
}
