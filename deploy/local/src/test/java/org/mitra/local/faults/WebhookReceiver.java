package org.mitra.local.faults;

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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A partner's webhook endpoint on loopback (the local run allows it): it echoes Mitra's verification challenge and
 * accepts a delivery only if its signature verifies, counting every accepted delivery per {@code webhook-id} and the
 * referral each names. Stopped, it refuses connections; started again, it listens on the same port.
 */
final class WebhookReceiver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Accepted deliveries per webhook-id: more than one is a duplicate the receiver dedupes. */
    final Map<String, AtomicInteger> byId = new ConcurrentHashMap<>();
    /** The referral each webhook-id named. */
    final Map<String, String> referralOf = new ConcurrentHashMap<>();
    final AtomicInteger badSignatures = new AtomicInteger();
    private final int port;
    private volatile String secret;
    private HttpServer server;

    WebhookReceiver() {
        listen(0);
        port = server.getAddress().getPort();
    }

    String url() {
        return "http://127.0.0.1:" + port + "/webhooks";
    }

    void secret(String secret) {
        this.secret = secret;
    }

    synchronized void stop() {
        server.stop(0);
    }

    synchronized void start() {
        listen(port);
    }

    private void listen(int onPort) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 100);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        JsonNode json = JSON.readTree(body);
        byte[] answer = new byte[0];
        int status = 204;
        if ("webhook.verification".equals(json.path("type").asText())) {
            answer = JSON.writeValueAsBytes(Map.of("challenge", json.path("data").path("challenge").asText()));
            status = 200;
        } else {
            try {
                new Webhook(secret).verify(body, exchange.getRequestHeaders());
                String id = exchange.getRequestHeaders().getFirst("webhook-id");
                byId.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
                referralOf.put(id, json.path("data").path("referralId").asText());
            } catch (Exception e) {
                badSignatures.incrementAndGet();
                status = 401;
            }
        }
        exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
        if (answer.length > 0) {
            exchange.getResponseBody().write(answer);
        }
        exchange.close();
    }

    int duplicates() {
        return byId.values().stream().mapToInt(count -> count.get() - 1).sum();
    }

    @Override
    public synchronized void close() {
        server.stop(0);
    }
}
