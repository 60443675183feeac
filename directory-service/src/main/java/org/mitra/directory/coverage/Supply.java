package org.mitra.directory.coverage;

import jakarta.persistence.Tuple;

/**
 * What the verified providers offer of a category (or a slice) in a region: distinct providers, the sum of their
 * maximum capacity and of their available capacity. The coverage pie and the coverage feed read it alike.
 *
 * @param reported whether any provider reports its available capacity (0 available is not "unknown")
 */
public record Supply(long providers, long maximum, long available, boolean reported) {
    public static final Supply NONE = new Supply(0, 0, 0, false);

    /**
     * A supply row of a native query, by its column aliases: {@code providers}, {@code maximum}, {@code available}
     * (numbers, null read as 0) and {@code reported} (a boolean, null read as false).
     */
    public static Supply of(Tuple row) {
        return new Supply(number(row.get("providers")), number(row.get("maximum")), number(row.get("available")),
                Boolean.TRUE.equals(row.get("reported")));
    }

    /** The available capacity a verdict may use: null when no provider reports it. */
    public Long reportedAvailable() {
        return reported ? available : null;
    }

    static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
