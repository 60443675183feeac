package org.mitra.gateway.routing;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.mitra.gateway.problem.Problems;
import org.mitra.problems.ProblemMessages;
import org.mitra.gateway.ratelimit.RateLimitDecision;
import org.mitra.gateway.ratelimit.RateLimiter;
import org.mitra.gateway.request.RequestLimits;
import org.mitra.gateway.request.RequestTracking;
import org.mitra.gateway.security.EdgeAuthentication;
import org.mitra.problems.ProblemType;

/**
 * The gateway's routes on Quarkus' Vert.x router. Every exchange first gets its request id and access-log line;
 * then everything under {@code /api} passes the edge: body size, token check, rate limit; then it is streamed
 * to the service owning the prefix, or, for the gateway's own {@code /api/feeds}, handed on to Quarkus REST.
 * {@code /q/*} (health, OpenAPI, Swagger UI) and {@code /problems} stay the gateway's own. Any other path is a 404
 * problem, never a page.
 */
@ApplicationScoped
public class GatewayRoutes {
    /** After CORS (-300), authentication (-200, lazy here) and authorization (-100); before Quarkus REST. */
    static final int EDGE_ORDER = 1;
    private static final String OWN_API = "/api/feeds";
    private static final String OWN_API_BELOW = OWN_API + "/";
    private static final Logger LOG = Logger.getLogger(GatewayRoutes.class);
    private static final ProblemMessages MESSAGES = org.mitra.gateway.problem.GatewayMessages.MESSAGES;

    @Inject
    Backends backends;

    @Inject
    EdgeAuthentication authentication;

    @Inject
    RateLimiter rateLimiter;

    @Inject
    RequestLimits limits;

    /** OpenTelemetry's SDK off (no collector): the gateway continues callers' traces itself, recording no spans. */
    @ConfigProperty(name = "quarkus.otel.sdk.disabled", defaultValue = "false")
    boolean tracingSdkDisabled;

    void install(@Observes Router router) {
        router.route().order(RequestTracking.ROUTE_ORDER).handler(new RequestTracking(tracingSdkDisabled)::handle);
        router.route().order(RequestLimits.ROUTE_ORDER).handler(limits::handle);
        router.route("/api/*").order(EDGE_ORDER).handler(this::edge);
        router.getWithRegex("/openapi/([a-z0-9-]+)").order(EDGE_ORDER).handler(this::openapi);
        // What no route answers (/, /nothing, /q/x, /api/feeds/x) would get Vert.x' HTML page; a problem instead.
        router.errorHandler(404, rc -> Problems.send(rc, ProblemType.NOT_FOUND, MESSAGES.text("not-served")));
    }

    private void edge(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String path = request.path();
        Backend backend = backends.serving(path);
        if (backend == null && !(path.equals(OWN_API) || path.startsWith(OWN_API_BELOW))) {
            Problems.send(rc, ProblemType.NOT_FOUND, MESSAGES.text("no-api"));
            return;
        }
        if (backend != null) {
            rc.put(RequestTracking.ROUTE_KEY, backend.name());
            if (declaredLength(request) > backend.maxBodySize()) {
                rc.response().putHeader("Connection", "close");
                Problems.send(rc, ProblemType.PAYLOAD_TOO_LARGE, MESSAGES.text("body.too-large", backend.maxBodySize()));
                return;
            }
            request.pause();
            streamWithoutLength(request);
        }
        authentication.authenticate(rc)
                .compose(caller -> {
                    rc.put(RequestTracking.CALLER_KEY, caller.describe());
                    return rateLimiter.check(rc, caller);
                })
                .onComplete(outcome -> {
                    if (outcome.failed()) {
                        refuse(rc, outcome.cause());
                    } else if (outcome.result() != null && !outcome.result().allowed()) {
                        tooMany(rc, outcome.result());
                    } else if (backend != null) {
                        backend.proxy().handle(request);
                    } else {
                        rc.next();
                    }
                });
    }

    private void openapi(RoutingContext rc) {
        String name = rc.pathParam("param0");
        Optional<Backend> backend = backends.named(name);
        if (backend.isEmpty()) {
            Problems.send(rc, ProblemType.NOT_FOUND, MESSAGES.text("no-service"));
            return;
        }
        rc.put(RequestTracking.ROUTE_KEY, name);
        backend.get().openapiProxy().handle(rc.request());
    }

    private void refuse(RoutingContext rc, Throwable cause) {
        if (cause instanceof EdgeAuthentication.RefusedException refused) {
            rc.response().putHeader("WWW-Authenticate", refused.refusal().challenge());
            Problems.send(rc, ProblemType.UNAUTHORIZED, refused.refusal().text());
        } else {
            LOG.error("Edge check failed", cause);
            Problems.send(rc, ProblemType.SERVICE_UNAVAILABLE, MESSAGES.text("edge.unavailable"));
        }
        resumeQuietly(rc);
    }

    private void tooMany(RoutingContext rc, RateLimitDecision decision) {
        Problems.send(rc, ProblemType.TOO_MANY_REQUESTS, MESSAGES.text("rate-limited", decision.policy().name(),
                decision.secondsToNextToken()));
        resumeQuietly(rc);
    }

    /** Lets an unread request body drain so the connection can be reused. */
    private static void resumeQuietly(RoutingContext rc) {
        try {
            rc.request().resume();
        } catch (IllegalStateException alreadyRead) {
            // Nothing left to drain.
        }
    }

    /**
     * An HTTP/2 body may come without a length and without Transfer-Encoding (HTTP/2 frames it); the proxy only
     * forwards a body of unknown length chunked when the request says so, so say so for the HTTP/1.1 hop.
     */
    private static void streamWithoutLength(HttpServerRequest request) {
        boolean mayHaveBody = request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD
                && request.method() != HttpMethod.OPTIONS;
        if (request.version() == HttpVersion.HTTP_2 && mayHaveBody && request.getHeader("Content-Length") == null
                && !request.isEnded()) {
            request.headers().set("Transfer-Encoding", "chunked");
        }
    }

    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException malformed) {
            return Long.MAX_VALUE;
        }
    }
}
