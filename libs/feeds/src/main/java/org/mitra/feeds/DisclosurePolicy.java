package org.mitra.feeds;

/**
 * How small a published count may be: cells covering fewer than {@code threshold} people are
 * suppressed (never below 5; 11 by default, as the Counter Trafficking Data Collaborative publishes),
 * and published counts are rounded down to a multiple of {@code roundingBase} (5 by default).
 */
public record DisclosurePolicy(int threshold, int roundingBase) {
    public static final int MINIMUM_THRESHOLD = 5;
    public static final DisclosurePolicy DEFAULT = new DisclosurePolicy(11, 5);

    public DisclosurePolicy {
        if (threshold < MINIMUM_THRESHOLD) {
            throw new IllegalArgumentException("The suppression threshold must be at least " + MINIMUM_THRESHOLD);
        }
        if (roundingBase < 1) {
            throw new IllegalArgumentException("The rounding base must be at least 1");
        }
    }

    /** The count as published: rounded down to a multiple of the base. */
    public long round(long count) {
        return count - count % roundingBase;
    }
}
