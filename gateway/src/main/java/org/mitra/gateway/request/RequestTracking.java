package org.mitra.gateway.request;

import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * First handler of every exchange: fixes the request id and trace context (on the request, so the proxy passes
 * them on, and on the response), and writes one access-log line when the exchange ends. The line names the
 * method, the path without its query string (search terms may be personal), status, latency and caller; never a
 * token or a body.
 */
public final class RequestTracking {
    /** Runs before CORS (-300) and authentication (-200), so even refusals carry the request id. */
    public static final int ROUTE_ORDER = -1000;
    public static final String CALLER_KEY = "mitra.caller";
    public static final String ROUTE_KEY = "mitra.route";
    static final Logger ACCESS = Logger.getLogger("org.mitra.gateway.access");

    private RequestTracking() {
    }

    public static void handle(RoutingContext rc) {
        long started = System.nanoTime();
        String requestId = RequestIds.sanitize(rc.request().getHeader(RequestIds.HEADER));
        String traceparent = TraceContext.continueOrStart(rc.request().getHeader(TraceContext.HEADER));
        rc.put(RequestIds.CONTEXT_KEY, requestId);
        rc.request().headers().set(RequestIds.HEADER, requestId);
        rc.request().headers().set(TraceContext.HEADER, traceparent);
        rc.response().putHeader(RequestIds.HEADER, requestId);
        MDC.put(RequestIds.MDC_KEY, requestId);

        String method = rc.request().method().name();
        String path = rc.request().path();
        rc.addEndHandler(ended -> {
            long micros = (System.nanoTime() - started) / 1_000;
            String caller = rc.get(CALLER_KEY);
            String route = rc.get(ROUTE_KEY);
            ACCESS.infof("%s %s %d %d.%03dms caller=%s route=%s requestId=%s traceId=%s%s",
                    method, path, rc.response().getStatusCode(), micros / 1000, micros % 1000,
                    caller != null ? caller : "anonymous", route != null ? route : "gateway", requestId,
                    TraceContext.traceId(traceparent), ended.succeeded() ? "" : " aborted");
        });
        rc.next();
    }
}
