package org.mitra.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mitra.gateway.GatewayConfig;

/** A forwarded call leaves on a connection of the event loop that received the request, never one of another loop. */
class BackendEventLoopTest {
    private Vertx vertx;
    private HttpServer service;
    private Backend backend;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        // The service answers with the client port of the connection the call came on.
        service = vertx.createHttpServer()
                .requestHandler(request -> request.response().end(Integer.toString(request.remoteAddress().port())))
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        backend = new Backend(vertx, "directory", route("http://127.0.0.1:" + service.actualPort()),
                new OpenApiDecorator("http://localhost/realms/mitra"), 65536);
    }

    @AfterEach
    void stop() throws Exception {
        backend.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void eachEventLoopKeepsItsOwnConnectionsToTheService() throws Exception {
        Context first = ((VertxInternal) vertx).createEventLoopContext();
        Context second = ((VertxInternal) vertx).createEventLoopContext();
        assertThat(((ContextInternal) first).nettyEventLoop()).isNotSameAs(((ContextInternal) second).nettyEventLoop());

        String onFirst = call(first);
        assertThat(call(first)).as("kept alive and reused on the same loop").isEqualTo(onFirst);
        // The first loop's connection is idle in a pool now; a shared pool would lend it to the second loop.
        String onSecond = call(second);
        assertThat(onSecond).isNotEqualTo(onFirst);
        assertThat(call(second)).isEqualTo(onSecond);
        assertThat(call(first)).isEqualTo(onFirst);
    }

    @Test
    void callsFromOffAnEventLoopStillReachTheService() throws Exception {
        String port = backend.openRequest(HttpMethod.GET)
                .compose(request -> request.setURI("/").send())
                .compose(response -> response.body())
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).toString();
        assertThat(port).isNotBlank();
    }

    private String call(Context context) throws Exception {
        CompletableFuture<String> answer = new CompletableFuture<>();
        context.runOnContext(ignored -> {
            Future<HttpClientRequest> opened = backend.openRequest(HttpMethod.GET);
            opened.compose(request -> request.setURI("/").send())
                    .compose(response -> response.body())
                    .onSuccess(body -> answer.complete(body.toString()))
                    .onFailure(answer::completeExceptionally);
        });
        String port = answer.get(10, TimeUnit.SECONDS);
        Thread.sleep(20); // let the connection go back to its pool
        return port;
    }

    private static GatewayConfig.Route route(String origin) {
        return new GatewayConfig.Route() {
            public String prefix() {
                return "/api/directory";
            }

            public Optional<List<String>> morePrefixes() {
                return Optional.empty();
            }

            public String origin() {
                return origin;
            }

            public Duration connectTimeout() {
                return Duration.ofSeconds(2);
            }

            public Duration responseTimeout() {
                return Duration.ofSeconds(10);
            }

            public MemorySize maxBodySize() {
                return new MemorySize(java.math.BigInteger.valueOf(1 << 20));
            }

            public String healthPath() {
                return "/q/health/ready";
            }

            public String openapiPath() {
                return "/q/openapi";
            }

            public Optional<String> feedCatalogPath() {
                return Optional.empty();
            }

            public int maxConnections() {
                return 50;
            }

            public GatewayConfig.CircuitBreaker circuitBreaker() {
                return new GatewayConfig.CircuitBreaker() {
                    public int failureThreshold() {
                        return 5;
                    }

                    public Duration openDuration() {
                        return Duration.ofSeconds(10);
                    }
                };
            }
        };
    }
}
