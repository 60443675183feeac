package org.mitra.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mitra.testkit.Tokens;

/** Bodies go through the gateway as streams: large uploads and downloads arrive intact, and nothing waits for the end. */
@QuarkusTest
@WithTestResource(TestBackends.class)
class StreamingTest {
    private static final int MB = 1024 * 1024;

    @TestHTTPResource("/")
    URI gateway;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void uploadOfTwentyMegabytesArrivesIntact() throws Exception {
        byte[] body = new byte[20 * MB];
        new Random(42).nextBytes(body);
        HttpResponse<String> response = http.send(authorized("/api/directory/digest")
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"bytes\":" + body.length, "\"chunked\":false",
                "\"sha256\":\"" + sha256(new ByteArrayInputStream(body)) + "\"");
    }

    @Test
    void chunkedUploadWithoutLengthIsStreamedChunked() throws Exception {
        byte[] body = new byte[20 * MB];
        new Random(7).nextBytes(body);
        HttpResponse<String> response = http.send(authorized("/api/directory/digest")
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"bytes\":" + body.length, "\"chunked\":true",
                "\"sha256\":\"" + sha256(new ByteArrayInputStream(body)) + "\"");
    }

    @Test
    void http2ClientsStreamBodiesWithoutLengthToo() throws Exception {
        HttpClient http2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpResponse<String> upgraded = http2.send(HttpRequest.newBuilder(gateway.resolve("/api/directory/services"))
                .header("X-Forwarded-For", "10.0.0.2").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(upgraded.version()).isEqualTo(HttpClient.Version.HTTP_2);
        byte[] body = new byte[3 * MB];
        new Random(2).nextBytes(body);
        HttpResponse<String> response = http2.send(authorized("/api/directory/digest")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"bytes\":" + body.length,
                "\"sha256\":\"" + sha256(new ByteArrayInputStream(body)) + "\"");
    }

    @Test
    void downloadOfSixtyFourMegabytesArrivesIntact() throws Exception {
        long bytes = 64L * MB;
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(gateway.resolve("/api/directory/download?bytes=" + bytes))
                .header("X-Forwarded-For", "10.0.0.64").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        byte[] chunk = new byte[TestBackends.CHUNK];
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = (byte) (i % 251);
        }
        for (long left = bytes; left > 0; left -= chunk.length) {
            expected.update(chunk, 0, (int) Math.min(chunk.length, left));
        }
        assertThat(sha256(response.body())).isEqualTo(HexFormat.of().formatHex(expected.digest()));
    }

    @Test
    void firstBytesArriveBeforeTheServiceHasFinished() throws Exception {
        String key = UUID.randomUUID().toString();
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(gateway.resolve("/api/directory/hold?key=" + key))
                .header("X-Forwarded-For", "10.0.0.65").build(), HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertThat(reader.readLine()).isEqualTo("first");
            HttpResponse<String> released = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + TestCalls.port("directory") + "/__release/" + key)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(released.body()).contains("\"released\":true");
            assertThat(reader.readLine()).isEqualTo("last");
        }
    }

    @Test
    void bodyOverTheRouteLimitIsRefusedBeforeForwarding() throws Exception {
        String requestId = TestCalls.requestId();
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(5_000);
            // Only the head is sent: the declared length alone is enough for the gateway to refuse.
            String head = "POST /api/referrals/digest HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: " + requestId
                    + "\r\nAuthorization: Bearer " + Tokens.orgAdmin(UUID.randomUUID())
                    + "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + 2 * MB + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = readResponse(socket.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 413")
                    .contains("application/problem+json", "/problems/payload-too-large", requestId);
        }
        assertThat(TestCalls.saw("referrals", requestId)).isFalse();
    }

    @Test
    void chunkedBodyGrowingOverTheLimitIsCutOffWithA413() throws Exception {
        String requestId = TestCalls.requestId();
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(10_000);
            CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> {
                try {
                    return readResponse(socket.getInputStream());
                } catch (Exception e) {
                    return "failed: " + e;
                }
            });
            String head = "POST /api/referrals/digest HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: " + requestId
                    + "\r\nAuthorization: Bearer " + Tokens.orgAdmin(UUID.randomUUID())
                    + "\r\nContent-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n\r\n";
            try {
                socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
                byte[] chunk = new byte[64 * 1024];
                for (int i = 0; i < 32 && !answer.isDone(); i++) {
                    socket.getOutputStream().write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().write(chunk);
                    socket.getOutputStream().write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                }
            } catch (java.io.IOException closedByTheGateway) {
                // Expected once the gateway has answered and closed the connection.
            }
            assertThat(answer.get(10, TimeUnit.SECONDS)).startsWith("HTTP/1.1 413")
                    .contains("/problems/payload-too-large", requestId);
        }
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(gateway.resolve(path))
                .header("Authorization", "Bearer " + Tokens.orgAdmin(UUID.randomUUID()))
                .timeout(Duration.ofSeconds(60));
    }

    /** Reads one HTTP/1.1 response with a Content-Length body, without waiting for the connection to close. */
    private static String readResponse(InputStream in) throws Exception {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                break;
            }
            head.append((char) next);
        }
        int length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static String sha256(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (in) {
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
