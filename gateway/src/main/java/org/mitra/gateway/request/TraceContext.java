package org.mitra.gateway.request;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * W3C Trace Context: a valid {@code traceparent} is passed on untouched so the caller's trace continues in the
 * services; a missing or malformed one is replaced by a new sampled trace started here.
 */
public final class TraceContext {
    public static final String HEADER = "traceparent";
    private static final Pattern VALID = Pattern.compile("[0-9a-f]{2}-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");

    private TraceContext() {
    }

    public static String continueOrStart(String traceparent) {
        if (traceparent != null && VALID.matcher(traceparent).matches() && !traceparent.startsWith("ff")) {
            return traceparent;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "00-" + hex(random.nextLong() | 1L) + hex(random.nextLong()) + "-" + hex(random.nextLong() | 1L) + "-01";
    }

    /** The trace id part, for the access log. */
    public static String traceId(String traceparent) {
        return traceparent.substring(3, 35);
    }

    private static String hex(long value) {
        return String.format("%016x", value);
    }
}
