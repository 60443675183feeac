package org.mitra.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Header hygiene both ways. Towards the service: hop-by-hop headers (the fixed ones and any named in
 * {@code Connection}) removed, {@code X-Forwarded-For/Proto/Host} set by the gateway (a client's own are
 * replaced, so they cannot be spoofed), a body without length checked against the limit as it streams. Back to
 * the client: hop-by-hop headers removed, and the headers the gateway owns (request id, CORS, the security headers
 * it sets on every answer) left to it, so each appears once.
 */
final class ForwardingInterceptor implements ProxyInterceptor {
    private static final List<String> HOP_BY_HOP = List.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");

    /** Set by the gateway on every answer (application.properties); a service's copies would make them appear twice. */
    private static final List<String> GATEWAY_SECURITY_HEADERS = List.of("X-Content-Type-Options", "X-Frame-Options",
            "Referrer-Policy", "Strict-Transport-Security");

    private static final String CORS_PREFIX = "access-control-";

    private final long maxBodySize;

    ForwardingInterceptor(long maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        MultiMap headers = context.request().headers();
        // Transfer-Encoding stays: the proxy reads it to forward a chunked body chunked, and never copies it.
        String transferEncoding = headers.get("Transfer-Encoding");
        stripHopByHop(headers);
        if (transferEncoding != null) {
            headers.set("Transfer-Encoding", transferEncoding);
        }
        HttpServerRequest incoming = context.request().proxiedRequest();
        headers.remove("Forwarded");
        headers.remove("X-Forwarded-Port");
        headers.remove("X-Forwarded-Prefix");
        headers.set("X-Forwarded-For", incoming.remoteAddress() != null ? incoming.remoteAddress().hostAddress() : "unknown");
        headers.set("X-Forwarded-Proto", incoming.scheme() != null ? incoming.scheme() : "http");
        if (incoming.authority() != null) {
            headers.set("X-Forwarded-Host", incoming.authority().toString());
        }
        Body body = context.request().getBody();
        if (maxBodySize > 0 && body != null && body.length() < 0) {
            LimitedReadStream limited = new LimitedReadStream(body.stream(), maxBodySize);
            context.set(ResilienceInterceptor.LIMITED_BODY, limited);
            context.request().setBody(Body.body(limited, -1));
        }
        return context.sendRequest();
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        MultiMap headers = context.response().headers();
        stripHopByHop(headers);
        headers.remove("X-Request-Id");
        GATEWAY_SECURITY_HEADERS.forEach(headers::remove);
        removeCorsHeaders(headers);
        return context.sendResponse();
    }

    /** The service's {@code Access-Control-*} fields, found without copying or lower-casing every name. */
    private static void removeCorsHeaders(MultiMap headers) {
        List<String> cors = null;
        for (Map.Entry<String, String> header : headers) {
            String name = header.getKey();
            if (name.regionMatches(true, 0, CORS_PREFIX, 0, CORS_PREFIX.length())) {
                if (cors == null) {
                    cors = new ArrayList<>(4);
                }
                cors.add(name);
            }
        }
        if (cors != null) {
            cors.forEach(headers::remove);
        }
    }

    private static void stripHopByHop(MultiMap headers) {
        if (!headers.contains("Connection")) {
            HOP_BY_HOP.forEach(headers::remove);
            return;
        }
        for (String connection : headers.getAll("Connection")) {
            for (String token : connection.split(",")) {
                String name = token.trim();
                if (!name.isEmpty()) {
                    headers.remove(name);
                }
            }
        }
        HOP_BY_HOP.forEach(headers::remove);
    }
}
