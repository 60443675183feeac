package org.mitra.web.feeds;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** The values of a native query's results as the feeds read them, whichever type the driver and Hibernate hand back. */
public final class QueryValues {
    private QueryValues() {
    }

    /** A time column, or null. */
    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        throw new IllegalStateException("Not a time: " + value.getClass());
    }

    /** A count column; null is 0. */
    public static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** A query's result list as the rows they are ({@code Object[]}, or {@code Tuple} for a query created with it). */
    @SuppressWarnings("unchecked")
    public static <T> List<T> rows(List<?> result) {
        return (List<T>) result;
    }
}
