package org.mitra.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.mitra.testkit.TokenTrustResource;

/**
 * Real HTTP services for the gateway to front: three Vert.x servers on free ports standing in for directory,
 * referrals and awareness, plus a route to a port where nothing listens (a stopped service). Each backend
 * remembers the request ids it saw ({@code GET /__seen/{id}}), so tests prove what never reached it.
 * Started once per test JVM (coordinates kept in a system property) and stopped by a shutdown hook.
 */
public class TestBackends implements QuarkusTestResourceLifecycleManager {
    static final String PORTS = "mitra.test.backend-ports";
    static final int CHUNK = 64 * 1024;
    static final int STRICT_LINE = 3000;

    @Override
    public Map<String, String> start() {
        String ports = System.getProperty(PORTS);
        if (ports == null) {
            ports = startBackends();
            System.setProperty(PORTS, ports);
        }
        String[] port = ports.split(",");
        Map<String, String> config = new HashMap<>(new TokenTrustResource().start());
        config.put("mitra.gateway.routes.directory.origin", "http://127.0.0.1:" + port[0]);
        config.put("mitra.gateway.routes.directory.max-body-size", "32M");
        // StreamingTest's 20 MB uploads: the service answers once the whole body is in, which took over a second through
        // the gateway on a loaded 2-core machine (a 504). The route timeout's own test uses the referrals route.
        config.put("mitra.gateway.routes.directory.response-timeout", "10s");
        config.put("mitra.gateway.routes.referrals.origin", "http://127.0.0.1:" + port[1]);
        config.put("mitra.gateway.routes.referrals.response-timeout", "1s");
        config.put("mitra.gateway.routes.awareness.origin", "http://127.0.0.1:" + port[2]);
        config.put("mitra.gateway.routes.stopped.prefix", "/api/stopped");
        config.put("mitra.gateway.routes.stopped.origin", "http://127.0.0.1:" + port[3]);
        config.put("mitra.gateway.routes.stopped.connect-timeout", "500ms");
        config.put("mitra.gateway.routes.stopped.circuit-breaker.failure-threshold", "3");
        config.put("mitra.gateway.routes.stopped.circuit-breaker.open-duration", "30s");
        config.put("mitra.gateway.rate-limits.anonymous-writes.capacity", "3");
        config.put("mitra.gateway.rate-limits.anonymous-writes.period", "1h");
        config.put("mitra.gateway.rate-limits.anonymous-reads.capacity", "100000");
        config.put("mitra.gateway.rate-limits.authenticated.capacity", "20");
        config.put("mitra.gateway.rate-limits.authenticated.period", "1h");
        config.put("mitra.gateway.rate-limits.feeds.capacity", "3");
        config.put("mitra.gateway.rate-limits.feeds.period", "1h");
        // Tests play many clients from one machine: the gateway trusts X-Forwarded-For here, as behind a load balancer.
        config.put("quarkus.http.proxy.proxy-address-forwarding", "true");
        config.put("quarkus.http.proxy.allow-x-forwarded", "true");
        config.put("quarkus.http.cors.origins", "https://app.mitra.test");
        config.put("mitra.gateway.feed-catalog.refresh", "0s");
        config.put("mitra.gateway.dcat.public-url", "https://mitra.example.id/");
        config.put("mitra.gateway.dcat.data-since", "2026-01-01");
        config.put("mitra.gateway.swagger.realm-url", "https://keycloak.mitra.test/realms/mitra");
        return config;
    }

    @Override
    public void stop() {
        // The backends live as long as the test JVM (shutdown hook), across Quarkus restarts.
    }

    private static String startBackends() {
        Vertx vertx = Vertx.vertx();
        StringBuilder ports = new StringBuilder();
        for (String name : new String[] {"directory", "referrals", "awareness"}) {
            HttpServer server = vertx.createHttpServer(serverOptions(name)).requestHandler(new Service(vertx, name)::handle);
            int port = await(server.listen(0, "127.0.0.1").map(HttpServer::actualPort));
            ports.append(port).append(',');
        }
        ports.append(freePort());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> vertx.close()));
        return ports.toString();
    }

    /**
     * Directory and referrals accept what a Quarkus service accepts by default (request line 4096, headers 20K);
     * awareness is stricter than the gateway (request line {@value #STRICT_LINE}, headers 8K), so tests can see a
     * service's own size refusal pass through the gateway.
     */
    private static HttpServerOptions serverOptions(String name) {
        HttpServerOptions options = new HttpServerOptions().setMaxInitialLineLength(4096).setMaxHeaderSize(20 * 1024);
        return name.equals("awareness") ? options.setMaxInitialLineLength(STRICT_LINE).setMaxHeaderSize(8192) : options;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** One fake service: answers by path suffix, and records the request ids it saw. */
    private static final class Service {
        private final Vertx vertx;
        private final String name;
        private final Set<String> seen = ConcurrentHashMap.newKeySet();
        private final Map<String, HttpServerResponse> held = new ConcurrentHashMap<>();
        private volatile boolean catalogBroken;

        Service(Vertx vertx, String name) {
            this.vertx = vertx;
            this.name = name;
        }

        void handle(HttpServerRequest request) {
            String path = request.path();
            HttpServerResponse response = request.response();
            if (path.startsWith("/__seen/")) {
                json(response, new JsonObject().put("seen", seen.contains(path.substring(8))));
                return;
            }
            if (path.startsWith("/__release/")) {
                HttpServerResponse waiting = held.remove(path.substring(11));
                if (waiting != null) {
                    waiting.end("last\n");
                }
                json(response, new JsonObject().put("released", waiting != null));
                return;
            }
            if (path.startsWith("/__catalog/")) {
                catalogBroken = path.endsWith("/broken");
                json(response, new JsonObject().put("catalogBroken", catalogBroken));
                return;
            }
            String requestId = request.getHeader("X-Request-Id");
            if (requestId != null) {
                seen.add(requestId);
            }
            response.putHeader("X-Request-Id", requestId != null ? requestId : "none");
            response.putHeader("X-Served-By", name);
            // What every Mitra service sends (libs/web); the gateway sends the same headers on its own answers.
            response.putHeader("X-Content-Type-Options", "nosniff").putHeader("X-Frame-Options", "DENY")
                    .putHeader("Referrer-Policy", "no-referrer")
                    .putHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            if (path.equals("/q/health/ready")) {
                json(response, new JsonObject().put("status", "UP"));
            } else if (path.equals("/api/" + name + "/feeds") && request.method().name().equals("GET")) {
                if (catalogBroken) {
                    response.setStatusCode(500).end();
                } else {
                    response.putHeader("Content-Type", "application/json").end(feedCatalog().encode());
                }
            } else if (path.equals("/q/openapi")) {
                json(response, openapi());
            } else if (path.endsWith("/digest")) {
                digest(request, response);
            } else if (path.endsWith("/download")) {
                download(request, response, Long.parseLong(request.getParam("bytes")));
            } else if (path.endsWith("/hold")) {
                response.setChunked(true).putHeader("Content-Type", "text/plain");
                response.write("first\n");
                held.put(request.getParam("key"), response);
            } else if (path.endsWith("/paged")) {
                // As libs/web's PageHeaders: first, prev, next and last, each repeating the request's query.
                String uri = request.uri();
                response.putHeader("Link", "<" + uri + "&page=0>; rel=\"first\", <" + uri + "&page=1>; rel=\"prev\", <"
                        + uri + "&page=3>; rel=\"next\", <" + uri + "&page=9>; rel=\"last\"");
                json(response, new JsonObject().put("paged", true));
            } else if (path.endsWith("/slow")) {
                vertx.setTimer(3_000, ignored -> json(response, new JsonObject().put("slow", true)));
            } else {
                request.body().onSuccess(body -> json(response, describe(request, body)));
            }
        }

        /** Hashes the body as it streams in, so neither side holds it whole; answers its length and SHA-256. */
        private static void digest(HttpServerRequest request, HttpServerResponse response) {
            MessageDigest sha256;
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            long[] bytes = {0};
            request.handler(chunk -> {
                bytes[0] += chunk.length();
                sha256.update(chunk.getBytes());
            });
            request.endHandler(ended -> json(response, new JsonObject()
                    .put("bytes", bytes[0])
                    .put("sha256", HexFormat.of().formatHex(sha256.digest()))
                    .put("chunked", request.getHeader("Content-Length") == null)));
        }

        private JsonObject describe(HttpServerRequest request, Buffer body) {
            JsonObject headers = new JsonObject();
            request.headers().names().forEach(header -> headers.put(header.toLowerCase(),
                    new JsonArray(request.headers().getAll(header))));
            return new JsonObject()
                    .put("service", name)
                    .put("method", request.method().name())
                    .put("uri", request.uri())
                    .put("headers", headers)
                    .put("bodyLength", body.length());
        }

        private void download(HttpServerRequest request, HttpServerResponse response, long bytes) {
            response.setChunked(true).putHeader("Content-Type", "application/octet-stream");
            Buffer chunk = Buffer.buffer(new byte[CHUNK]);
            for (int i = 0; i < CHUNK; i++) {
                chunk.setByte(i, (byte) (i % 251));
            }
            new Object() {
                long left = bytes;

                void pump() {
                    while (left > 0 && !response.writeQueueFull()) {
                        int size = (int) Math.min(CHUNK, left);
                        response.write(size == CHUNK ? chunk : chunk.getBuffer(0, size));
                        left -= size;
                    }
                    if (left == 0) {
                        response.end();
                    } else {
                        response.drainHandler(ignored -> pump());
                    }
                }
            }.pump();
        }

        /** The service's own feed catalog, shaped as the real services write it (org.mitra.feeds.FeedDescription). */
        private JsonArray feedCatalog() {
            return new JsonArray().add(new JsonObject()
                    .put("id", "statistics")
                    .put("title", "Statistics of " + name)
                    .put("description", "Counts of " + name + " by quarter, small cells withheld")
                    .put("url", "/api/" + name + "/feeds/statistics")
                    .put("formats", new JsonArray().add("application/json").add("text/csv"))
                    .put("periods", new JsonArray().add("quarter").add("month"))
                    .put("updatePeriod", "PT1H")
                    .put("licence", "CC-BY-4.0")
                    .put("access", new JsonArray().add("gov-liaison").add("coalition-admin"))
                    .put("fieldAddedLater", "ignored"));
        }

        private JsonObject openapi() {
            JsonObject bearer = new JsonObject().put("bearer", new JsonArray());
            return new JsonObject()
                    .put("openapi", "3.1.0")
                    .put("info", new JsonObject().put("title", "Mitra " + name + " API").put("version", "0.1.0"))
                    .put("paths", new JsonObject()
                            .put("/api/" + name + "/things", new JsonObject()
                                    .put("get", new JsonObject().put("summary", "List things (public)"))
                                    .put("post", new JsonObject().put("summary", "Create a thing")
                                            .put("security", new JsonArray().add(bearer)))))
                    .put("components", new JsonObject().put("securitySchemes", new JsonObject()
                            .put("bearer", new JsonObject().put("type", "http").put("scheme", "bearer"))));
        }

        private static void json(HttpServerResponse response, JsonObject body) {
            response.putHeader("Content-Type", "application/json").end(body.encode());
        }
    }
}
