package org.mitra.gateway.request;

import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.regex.Pattern;

/** The platform's {@code X-Request-Id} rules (as in libs/web): a plain client id is kept, anything else replaced. */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    static final String CONTEXT_KEY = "mitra.requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestIds() {
    }

    public static String sanitize(String fromClient) {
        return fromClient != null && SANE.matcher(fromClient).matches() ? fromClient : UUID.randomUUID().toString();
    }

    /** The id of this exchange, set by {@link RequestTracking} before anything else runs. */
    public static String of(RoutingContext rc) {
        return rc.get(CONTEXT_KEY);
    }
}
