package org.mitra.gateway.request;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * First handler of every exchange: fixes the request id (on the request, so the proxy passes it on, and on the
 * response), and writes one access-log line when the exchange ends. Tracing is OpenTelemetry's: the server span
 * continues the caller's W3C {@code traceparent} (or starts a trace when it is missing or malformed), and the
 * client span of the forwarded call injects its own, so the caller's header is dropped here rather than
 * forwarded beside it. The line names the
 * method, the path without its query string (search terms may be personal), status, latency and caller; never a
 * token or a body.
 */
public final class RequestTracking {
    /** Runs before CORS (-300) and authentication (-200), so even refusals carry the request id. */
    public static final int ROUTE_ORDER = -1000;
    public static final String CALLER_KEY = "mitra.caller";
    public static final String ROUTE_KEY = "mitra.route";
    static final String TRACEPARENT = "traceparent";
    static final String TRACESTATE = "tracestate";
    static final Logger ACCESS = Logger.getLogger("org.mitra.gateway.access");

    private RequestTracking() {
    }

    public static void handle(RoutingContext rc) {
        long started = System.nanoTime();
        String requestId = RequestIds.sanitize(rc.request().getHeader(RequestIds.HEADER));
        SpanContext span = Span.current().getSpanContext();
        String traceId = span.isValid() ? span.getTraceId() : "-";
        rc.put(RequestIds.CONTEXT_KEY, requestId);
        rc.request().headers().set(RequestIds.HEADER, requestId);
        rc.request().headers().remove(TRACEPARENT).remove(TRACESTATE);
        rc.response().putHeader(RequestIds.HEADER, requestId);
        MDC.put(RequestIds.MDC_KEY, requestId);

        String method = rc.request().method().name();
        String path = rc.request().path();
        rc.addEndHandler(ended -> {
            if (!ACCESS.isInfoEnabled()) {
                return;
            }
            long micros = (System.nanoTime() - started) / 1_000;
            String caller = rc.get(CALLER_KEY);
            String route = rc.get(ROUTE_KEY);
            ACCESS.info(line(method, path, rc.response().getStatusCode(), micros, caller, route, requestId, traceId,
                    ended.succeeded()));
        });
        rc.next();
    }

    /**
     * {@code GET /api/referrals/42 200 3.214ms caller=… route=… requestId=… traceId=…}, put together directly: a
     * printf pattern ({@code infof}) was parsed again for every exchange.
     */
    static String line(String method, String path, int status, long micros, String caller, String route,
            String requestId, String traceId, boolean completed) {
        StringBuilder line = new StringBuilder(192)
                .append(method).append(' ').append(path).append(' ').append(status).append(' ')
                .append(micros / 1000).append('.');
        long fraction = micros % 1000;
        if (fraction < 100) {
            line.append(fraction < 10 ? "00" : "0");
        }
        line.append(fraction).append("ms caller=").append(caller != null ? caller : "anonymous")
                .append(" route=").append(route != null ? route : "gateway")
                .append(" requestId=").append(requestId)
                .append(" traceId=").append(traceId);
        if (!completed) {
            line.append(" aborted");
        }
        return line.toString();
    }
}
