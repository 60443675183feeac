package org.mitra.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import java.net.URI;
import org.mitra.gateway.GatewayConfig;

/**
 * One service behind the gateway: its pooled HTTP client (connect timeout, keep-alive), the Vert.x reverse proxy
 * that streams requests and responses through it, and its circuit breaker.
 */
public final class Backend {
    private final String name;
    private final GatewayConfig.Route config;
    private final String host;
    private final int port;
    private final boolean ssl;
    private final HttpClient client;
    private final CircuitBreaker breaker;
    private final HttpProxy proxy;
    private final HttpProxy openapiProxy;

    Backend(Vertx vertx, String name, GatewayConfig.Route config, OpenApiDecorator decorator, int maxResponseHeaderSize) {
        this.name = name;
        this.config = config;
        URI origin = URI.create(config.origin());
        this.ssl = "https".equalsIgnoreCase(origin.getScheme());
        this.host = origin.getHost();
        this.port = origin.getPort() > 0 ? origin.getPort() : ssl ? 443 : 80;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setName("gateway-" + name)
                .setSsl(ssl)
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true)
                // Vert.x' client default is 8 KiB: a paging Link header repeating a long query would make the
                // service's good answer unreadable (and a 502).
                .setMaxHeaderSize(maxResponseHeaderSize)
                .setMaxPoolSize(config.maxConnections()));
        this.breaker = new CircuitBreaker(config.circuitBreaker().failureThreshold(), config.circuitBreaker().openDuration());
        this.proxy = HttpProxy.reverseProxy(client)
                .origin(this::openRequest)
                .addInterceptor(new ResilienceInterceptor(this))
                .addInterceptor(new ForwardingInterceptor(config.maxBodySize().asLongValue()));
        this.openapiProxy = HttpProxy.reverseProxy(client)
                .origin(this::openRequest)
                .addInterceptor(new ResilienceInterceptor(this))
                .addInterceptor(new ForwardingInterceptor(0))
                .addInterceptor(decorator.forPath(config.openapiPath()));
    }

    public String name() {
        return name;
    }

    public String prefix() {
        return config.prefix();
    }

    public HttpProxy proxy() {
        return proxy;
    }

    public HttpProxy openapiProxy() {
        return openapiProxy;
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    public long maxBodySize() {
        return config.maxBodySize().asLongValue();
    }

    /** True for the prefix itself and anything below it, never for {@code /api/directoryX}. */
    public boolean serves(String path) {
        String prefix = config.prefix();
        return path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/");
    }

    /**
     * Opens a pooled connection for one proxied request. An open breaker refuses at once; a GET or HEAD whose
     * connection fails is tried once more (nothing was sent yet), other methods never.
     */
    private Future<HttpClientRequest> openRequest(ProxyContext context) {
        if (!breaker.tryAcquire()) {
            return Future.failedFuture(new BackendUnavailableException(name + " breaker open", breaker.secondsUntilTrial()));
        }
        RequestOptions options = requestOptions().setIdleTimeout(config.responseTimeout().toMillis());
        HttpMethod method = context.request().getMethod();
        Future<HttpClientRequest> request = client.request(options);
        if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
            request = request.recover(firstFailure -> client.request(options));
        }
        return request.recover(failure -> Future.failedFuture(new BackendUnavailableException(name + " unreachable", 0)));
    }

    private RequestOptions requestOptions() {
        return new RequestOptions()
                .setHost(host)
                .setPort(port)
                .setSsl(ssl)
                .setConnectTimeout(config.connectTimeout().toMillis());
    }

    /** The service's own readiness, outside the breaker: status code, or a failed future when unreachable. */
    public Future<Integer> readiness(long timeoutMillis) {
        RequestOptions options = requestOptions()
                .setMethod(HttpMethod.GET)
                .setURI(config.healthPath())
                .setConnectTimeout(timeoutMillis)
                .setIdleTimeout(timeoutMillis);
        return client.request(options)
                .compose(HttpClientRequest::send)
                .compose(response -> response.body().map(ignored -> response.statusCode()))
                .timeout(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Where the service lists its data feeds. */
    public String feedCatalogPath() {
        return config.feedCatalogPath().orElse(config.prefix() + "/feeds");
    }

    /**
     * A small JSON document the gateway itself reads from the service (outside the breaker, so a slow catalog
     * never opens it for user traffic): its body on 200, a failed future on any other status, silence or refusal.
     */
    public Future<Buffer> fetch(String uri, long timeoutMillis) {
        RequestOptions options = requestOptions()
                .setMethod(HttpMethod.GET)
                .setURI(uri)
                .putHeader("Accept", "application/json")
                .setConnectTimeout(timeoutMillis)
                .setIdleTimeout(timeoutMillis);
        return client.request(options)
                .compose(HttpClientRequest::send)
                .compose(response -> response.statusCode() == 200
                        ? response.body()
                        : Future.failedFuture(name + " answered " + response.statusCode() + " for " + uri))
                .timeout(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    void close() {
        client.close();
    }
}
