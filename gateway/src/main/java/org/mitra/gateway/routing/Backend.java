package org.mitra.gateway.routing;

import io.netty.channel.EventLoop;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;
import io.vertx.httpproxy.HttpProxy;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mitra.gateway.GatewayConfig;

/**
 * One service behind the gateway: its pooled HTTP clients (connect timeout, keep-alive), the Vert.x reverse proxy
 * that streams requests and responses through them, and its circuit breaker. A proxied request goes out on a
 * connection of the event loop that received it (one client, and so one pool, per event loop): a shared pool lent a
 * connection of another loop, and every read and write of the second hop then crossed threads twice.
 */
public final class Backend {
    private final String name;
    private final GatewayConfig.Route config;
    private final String prefix;
    /** Its prefix first, then its more-prefixes: every path prefix this service serves. */
    private final List<String> prefixes;
    private final String host;
    private final int port;
    private final boolean ssl;
    private final Vertx vertx;
    /** For the gateway's own calls (health, catalogs), made from any thread. */
    private final HttpClient client;
    private final Map<EventLoop, HttpClient> perEventLoop = new ConcurrentHashMap<>();
    private final int perEventLoopPoolSize;
    private final CircuitBreaker breaker;
    private final HttpProxy proxy;
    private final HttpProxy openapiProxy;
    private final int maxResponseHeaderSize;
    /** Where every proxied call goes, made once rather than per request (Vert.x only reads them). */
    private final RequestOptions proxyOptions;

    Backend(Vertx vertx, String name, GatewayConfig.Route config, OpenApiDecorator decorator, int maxResponseHeaderSize) {
        this.vertx = vertx;
        this.name = name;
        this.config = config;
        this.prefix = config.prefix();
        List<String> all = new ArrayList<>();
        all.add(prefix);
        config.morePrefixes().ifPresent(more -> more.stream().filter(p -> !all.contains(p)).forEach(all::add));
        this.prefixes = List.copyOf(all);
        URI origin = URI.create(config.origin());
        this.ssl = "https".equalsIgnoreCase(origin.getScheme());
        this.host = origin.getHost();
        this.port = origin.getPort() > 0 ? origin.getPort() : ssl ? 443 : 80;
        this.maxResponseHeaderSize = maxResponseHeaderSize;
        this.proxyOptions = requestOptions().setIdleTimeout(config.responseTimeout().toMillis());
        this.client = vertx.createHttpClient(clientOptions(config.maxConnections()));
        // max-connections stays the bound for the route as a whole, shared out between the event loops.
        int eventLoops = Math.max(1, eventLoopCount(vertx));
        this.perEventLoopPoolSize = Math.max(1, (config.maxConnections() + eventLoops - 1) / eventLoops);
        this.breaker = new CircuitBreaker(config.circuitBreaker().failureThreshold(), config.circuitBreaker().openDuration());
        this.proxy = HttpProxy.reverseProxy(client)
                .origin(context -> openRequest(context.request().getMethod()))
                .addInterceptor(new ResilienceInterceptor(this))
                .addInterceptor(new ForwardingInterceptor(config.maxBodySize().asLongValue()));
        this.openapiProxy = HttpProxy.reverseProxy(client)
                .origin(context -> openRequest(context.request().getMethod()))
                .addInterceptor(new ResilienceInterceptor(this))
                .addInterceptor(new ForwardingInterceptor(0))
                .addInterceptor(decorator.forPath(config.openapiPath()));
    }

    private HttpClientOptions clientOptions(int poolSize) {
        return new HttpClientOptions()
                .setName("gateway-" + name)
                .setSsl(ssl)
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true)
                // Vert.x' client default is 8 KiB: a paging Link header repeating a long query would make the
                // service's good answer unreadable (and a 502).
                .setMaxHeaderSize(maxResponseHeaderSize)
                .setMaxPoolSize(poolSize);
    }

    private static int eventLoopCount(Vertx vertx) {
        int count = 0;
        for (var ignored : ((VertxInternal) vertx).getEventLoopGroup()) {
            count++;
        }
        return count;
    }

    /**
     * The client whose connections live on the current event loop (a client opens its connections on the loop of
     * the context that asks, and only that loop asks this one), or the shared one off an event loop.
     */
    HttpClient clientForCurrentEventLoop() {
        Context context = Vertx.currentContext();
        if (context == null || !context.isEventLoopContext()) {
            return client;
        }
        EventLoop loop = ((ContextInternal) context).nettyEventLoop();
        HttpClient local = perEventLoop.get(loop);
        return local != null ? local
                : perEventLoop.computeIfAbsent(loop, ignored -> vertx.createHttpClient(clientOptions(perEventLoopPoolSize)));
    }

    public String name() {
        return name;
    }

    /** The route's own prefix, under which the service lists its feeds. */
    public String prefix() {
        return prefix;
    }

    /** Every path prefix this service serves: {@link #prefix()} first, then the route's more-prefixes. */
    public List<String> prefixes() {
        return prefixes;
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

    /** True for one of its prefixes itself and anything below it, never for {@code /api/directoryX}. */
    public boolean serves(String path) {
        for (String p : prefixes) {
            if (under(path, p)) {
                return true;
            }
        }
        return false;
    }

    /** True for {@code prefix} itself and anything below it, never for {@code /api/directoryX}. */
    static boolean under(String path, String prefix) {
        return path.startsWith(prefix) && (path.length() == prefix.length() || prefix.endsWith("/")
                || path.charAt(prefix.length()) == '/');
    }

    /**
     * Opens a pooled connection for one proxied request. An open breaker refuses at once; a GET or HEAD whose
     * connection fails is tried once more (nothing was sent yet), other methods never.
     */
    Future<HttpClientRequest> openRequest(HttpMethod method) {
        if (!breaker.tryAcquire()) {
            return Future.failedFuture(new BackendUnavailableException(name + " breaker open", breaker.secondsUntilTrial()));
        }
        HttpClient client = clientForCurrentEventLoop();
        boolean retry = method == HttpMethod.GET || method == HttpMethod.HEAD;
        // One recovery step per call (a chain of two cost a future and a closure more on every request).
        return client.request(proxyOptions).recover(firstFailure -> retry
                ? client.request(proxyOptions).recover(this::unreachable)
                : unreachable(firstFailure));
    }

    private <T> Future<T> unreachable(Throwable failure) {
        return Future.failedFuture(new BackendUnavailableException(name + " unreachable", 0));
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
        perEventLoop.values().forEach(HttpClient::close);
    }
}
