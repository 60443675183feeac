package org.mitra.directory.coverage;

/** What the coverage map says about a category (or a slice) in a region. */
public enum Verdict {
    /** No verified provider: the greatest need. */
    GAP,
    /** Demand above what the providers can take. */
    STRAINED,
    /** Several providers and demand far below their capacity: services are duplicated. */
    OVERLAP,
    /** Providers with room for the demand seen. */
    COVERED
}
