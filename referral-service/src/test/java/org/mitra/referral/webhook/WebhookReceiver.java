package org.mitra.referral.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real HTTP endpoint on loopback, as a partner would run: it answers Mitra's verification challenge, then records
 * every delivery (headers and body) and answers what the test says. A stopped receiver refuses connections, and one
 * started again listens on the same port.
 */
final class WebhookReceiver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Received(Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String type() {
            return json().path("type").asText();
        }

        /** Throws unless the signature verifies with the secret, by the Standard Webhooks library's own verifier. */
        void verify(String secret) {
            try {
                new Webhook(secret).verify(body, headers);
            } catch (Exception e) {
                throw new AssertionError("Signature does not verify: " + e.getMessage(), e);
            }
        }
    }

    /** What the receiver answers a delivery: a status and headers. */
    record Reply(int status, Map<String, String> headers) {
        static Reply ok() {
            return new Reply(204, Map.of());
        }

        static Reply status(int status) {
            return new Reply(status, Map.of());
        }
    }

    final List<Received> deliveries = new CopyOnWriteArrayList<>();
    final List<Received> challenges = new CopyOnWriteArrayList<>();
    /** Every delivery try, whatever was answered. */
    final List<Received> tries = new CopyOnWriteArrayList<>();
    volatile boolean echoChallenges = true;
    volatile Function<Received, Reply> replies = received -> Reply.ok();
    private final int port;
    private HttpServer server;

    WebhookReceiver() {
        start(0);
        port = server.getAddress().getPort();
    }

    String url() {
        return "http://127.0.0.1:" + port + "/mitra/webhooks";
    }

    synchronized void start() {
        start(port);
    }

    private void start(int onPort) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    /** Stops listening: connections are refused until {@link #start()}. */
    synchronized void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Received received = new Received(Map.copyOf(exchange.getRequestHeaders()), body);
        byte[] answer = new byte[0];
        int status;
        if (EndpointVerification.TYPE.equals(received.type())) {
            challenges.add(received);
            status = echoChallenges ? 200 : 204;
            if (echoChallenges) {
                answer = ("{\"challenge\":\"" + received.json().path("data").path("challenge").asText() + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
            }
        } else {
            tries.add(received);
            Reply reply = replies.apply(received);
            if (reply.status() >= 200 && reply.status() < 300) {
                deliveries.add(received);
            }
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            status = reply.status();
        }
        exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
        if (answer.length > 0) {
            exchange.getResponseBody().write(answer);
        }
        exchange.close();
    }

    /** Distinct webhook-ids accepted (2xx), in order of first arrival. */
    List<String> acceptedIds() {
        return deliveries.stream().map(received -> received.header("webhook-id")).distinct().toList();
    }

    @Override
    public synchronized void close() {
        server.stop(0);
    }
}
