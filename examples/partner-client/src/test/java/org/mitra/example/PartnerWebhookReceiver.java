package org.mitra.example;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A partner's webhook endpoint, as a case-management system would run it: it answers Mitra's verification challenge,
 * and accepts a delivery only when its signature verifies with the subscription's secret (Standard Webhooks library),
 * keeping each {@code webhook-id} once. The local run allows such an endpoint on loopback over plain http
 * (MITRA_WEBHOOKS_ALLOW_LOOPBACK); a real one is https on a public address.
 */
final class PartnerWebhookReceiver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Delivery(String id, String type, JsonNode data) {
    }

    private final HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private volatile String secret;

    PartnerWebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/mitra/webhooks";
    }

    /** The whsec_ secret the subscription's answer showed (once): deliveries are checked against it from now on. */
    void secret(String secret) {
        this.secret = secret;
    }

    List<String> refused() {
        return refused;
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
                if (deliveries.stream().noneMatch(delivery -> delivery.id().equals(id))) {
                    deliveries.add(new Delivery(id, json.path("type").asText(), json.path("data")));
                }
            } catch (Exception badSignature) {
                refused.add(body);
                status = 401;
            }
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
        if (answer.length > 0) {
            exchange.getResponseBody().write(answer);
        }
        exchange.close();
    }

    /** The first verified delivery that matches, waiting for it. */
    Delivery await(Predicate<Delivery> which, Duration limit) throws InterruptedException {
        Instant end = Instant.now().plus(limit);
        while (Instant.now().isBefore(end)) {
            Optional<Delivery> found = deliveries.stream().filter(which).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No such webhook within " + limit.toSeconds() + " s; received " + deliveries
                + ", refused " + refused.size());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
