package org.mitra.web.request;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

/**
 * Gives every request its id before anything else runs (security included), so that the id is in
 * the log context, in problem bodies and on every response, even a 401 the auth mechanism sends.
 */
@ApplicationScoped
public class RequestIdFilter {
    /** Above CORS (300) and authentication (200), so it runs first. */
    static final int PRIORITY = 1000;

    void register(@Observes Filters filters) {
        filters.register(this::assignRequestId, PRIORITY);
    }

    void assignRequestId(RoutingContext context) {
        String requestId = RequestIds.sanitize(context.request().getHeader(RequestIds.HEADER));
        // The sanitised id replaces the client's, so code reading the header sees the id we log.
        context.request().headers().set(RequestIds.HEADER, requestId);
        context.put(RequestIds.MDC_KEY, requestId);
        MDC.put(RequestIds.MDC_KEY, requestId);
        context.addHeadersEndHandler(ignored -> context.response().headers().set(RequestIds.HEADER, requestId));
        context.next();
    }
}
