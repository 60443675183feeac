package org.mitra.gateway.request;

import io.vertx.ext.web.RoutingContext;
import java.util.UUID;

/** The platform's {@code X-Request-Id} rules (as in libs/web): a plain client id is kept, anything else replaced. */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    static final String CONTEXT_KEY = "mitra.requestId";
    private static final int MAX_LENGTH = 64;

    private RequestIds() {
    }

    public static String sanitize(String fromClient) {
        return isSane(fromClient) ? fromClient : UUID.randomUUID().toString();
    }

    /** 1–64 characters of {@code [A-Za-z0-9._:-]}; checked by hand, as a regex matcher per exchange costs more. */
    static boolean isSane(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean sane = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == ':' || c == '-';
            if (!sane) {
                return false;
            }
        }
        return true;
    }

    /** The id of this exchange, set by {@link RequestTracking} before anything else runs. */
    public static String of(RoutingContext rc) {
        return rc.get(CONTEXT_KEY);
    }
}
