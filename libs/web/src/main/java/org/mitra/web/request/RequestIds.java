package org.mitra.web.request;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The {@code X-Request-Id} rules: a client's id is kept when it is short and plain (it ends up in
 * logs, so no spaces, quotes or line breaks), otherwise the request gets a fresh UUID.
 */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    /** Key in the logging MDC: {@code %X{requestId}} in a log format. */
    public static final String MDC_KEY = "requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestIds() {
    }

    public static String sanitize(String fromClient) {
        return fromClient != null && SANE.matcher(fromClient).matches() ? fromClient : UUID.randomUUID().toString();
    }
}
