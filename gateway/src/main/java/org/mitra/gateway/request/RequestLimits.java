package org.mitra.gateway.request;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.mitra.gateway.GatewayConfig;
import org.mitra.gateway.problem.GatewayMessages;
import org.mitra.gateway.problem.Problems;
import org.mitra.problems.ProblemText;
import org.mitra.problems.ProblemType;

/**
 * Refuses, before anything else looks at it, a request whose target or header set is larger than the gateway
 * forwards: 414 or 431 problem+json. The limits are below what the services accept, so a request the gateway
 * passes on is never refused by a service for its size (the client's mistake never becomes a 5xx or a bare
 * answer without a problem body). Quarkus' own, larger {@code quarkus.http.limits.max-initial-line-length} and
 * {@code max-header-size} are only the outer bound: beyond them Vert.x answers a bare 414/431 and closes.
 */
@ApplicationScoped
public class RequestLimits {
    /** After the request id (so the refusal carries it), before CORS (-300) and authentication. */
    public static final int ROUTE_ORDER = RequestTracking.ROUTE_ORDER + 100;
    /** A refused path longer than this is left out of the problem's {@code instance}. */
    private static final int INSTANCE_MAX = 256;

    @Inject
    GatewayConfig config;

    public void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        int maxUri = config.limits().maxUriLength();
        long maxHeaders = config.limits().maxHeaderSize().asLongValue();
        String uri = request.uri();
        if (uri != null && uri.length() > maxUri) {
            refuse(rc, ProblemType.URI_TOO_LONG, GatewayMessages.MESSAGES.text("uri.too-long", uri.length(), maxUri));
            return;
        }
        long headerSize = headerSize(request);
        if (headerSize > maxHeaders) {
            refuse(rc, ProblemType.REQUEST_HEADER_FIELDS_TOO_LARGE,
                    GatewayMessages.MESSAGES.text("headers.too-large", headerSize, maxHeaders));
            return;
        }
        rc.next();
    }

    /** The header set as it is on the wire in HTTP/1.1: {@code name: value} and a line break per field. */
    static long headerSize(HttpServerRequest request) {
        long size = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            size += header.getKey().length() + header.getValue().length() + 4;
        }
        return size;
    }

    private static void refuse(RoutingContext rc, ProblemType type, ProblemText detail) {
        String path = rc.request().path();
        if (rc.request().version() != HttpVersion.HTTP_2) {
            // The body, if any, is never read: do not leave it on a connection that would be reused.
            rc.response().putHeader("Connection", "close");
        }
        Problems.send(rc, type, detail, path != null && path.length() <= INSTANCE_MAX ? path : null);
    }
}
