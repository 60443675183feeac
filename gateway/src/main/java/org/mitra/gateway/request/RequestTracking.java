package org.mitra.gateway.request;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.opentelemetry.sdk.trace.IdGenerator;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * First handler of every exchange: fixes the request id (on the request, so the proxy passes it on, and on the
 * response), continues the caller's W3C trace, and writes one access-log line when the exchange ends. The line names
 * the method, the path without its query string (search terms may be personal), status, latency and caller; never a
 * token or a body.
 *
 * <p>Tracing, two ways, one switch ({@code quarkus.otel.sdk.disabled}):
 * <ul>
 * <li>SDK off (the default: no collector, nothing exported): no span is recorded. The gateway continues the trace
 * itself, as the SDK would: a valid incoming {@code traceparent} keeps its trace id, sampled flag and
 * {@code tracestate}; a missing or malformed one starts a new, sampled trace; either way the service gets a
 * {@code traceparent} with a new span id of the gateway's.</li>
 * <li>SDK on (a collector configured): OpenTelemetry's server span continues the caller's trace and the client span
 * of the forwarded call injects its own {@code traceparent}; spans are recorded and exported.</li>
 * </ul>
 * Either way the caller's own header is never forwarded beside the gateway's.
 */
public final class RequestTracking {
    /** Runs before CORS (-300) and authentication (-200), so even refusals carry the request id. */
    public static final int ROUTE_ORDER = -1000;
    public static final String CALLER_KEY = "mitra.caller";
    public static final String ROUTE_KEY = "mitra.route";
    static final String TRACEPARENT = "traceparent";
    static final String TRACESTATE = "tracestate";
    static final Logger ACCESS = Logger.getLogger("org.mitra.gateway.access");
    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final IdGenerator IDS = IdGenerator.random();
    private static final TextMapGetter<MultiMap> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(MultiMap headers) {
            return List.of(TRACEPARENT, TRACESTATE);
        }

        @Override
        public String get(MultiMap headers, String key) {
            return headers == null ? null : headers.get(key);
        }
    };
    private static final TextMapSetter<MultiMap> SETTER = MultiMap::set;

    /** True when OpenTelemetry's SDK is off, so no span of its own continues the trace. */
    private final boolean continueTraceItself;

    public RequestTracking(boolean continueTraceItself) {
        this.continueTraceItself = continueTraceItself;
    }

    public void handle(RoutingContext rc) {
        long started = System.nanoTime();
        MultiMap headers = rc.request().headers();
        String requestId = RequestIds.sanitize(headers.get(RequestIds.HEADER));
        String traceId;
        if (continueTraceItself) {
            traceId = continueTrace(headers);
        } else {
            SpanContext span = Span.current().getSpanContext();
            traceId = span.isValid() ? span.getTraceId() : "-";
            headers.remove(TRACEPARENT).remove(TRACESTATE);
        }
        rc.put(RequestIds.CONTEXT_KEY, requestId);
        headers.set(RequestIds.HEADER, requestId);
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
     * Replaces the caller's {@code traceparent} (and {@code tracestate}) with the gateway's: what OpenTelemetry's SDK
     * would send with {@code parentbased_always_on}, without recording a span. Parsing and writing are the W3C
     * propagator's of the OpenTelemetry API, ids the SDK's random generator. Returns the trace id.
     */
    static String continueTrace(MultiMap headers) {
        SpanContext parent = Span.fromContext(W3C.extract(Context.root(), headers, GETTER)).getSpanContext();
        headers.remove(TRACEPARENT).remove(TRACESTATE);
        SpanContext own = parent.isValid()
                ? SpanContext.create(parent.getTraceId(), IDS.generateSpanId(),
                        parent.isSampled() ? TraceFlags.getSampled() : TraceFlags.getDefault(), parent.getTraceState())
                : SpanContext.create(IDS.generateTraceId(), IDS.generateSpanId(), TraceFlags.getSampled(),
                        TraceState.getDefault());
        W3C.inject(Context.root().with(Span.wrap(own)), headers, SETTER);
        return own.getTraceId();
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
