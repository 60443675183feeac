package org.mitra.awareness.ratelimit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public, account-less write whose callers {@link SourceRateLimit} holds back per source and target. The
 * limit is taken by {@link SourceLimitFilter} before the body is read into the method's parameters and validated,
 * so a source over its limit costs no validation (issue 12 item 13).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SourceLimited {
    /** The path parameter naming the target (a campaign, an activity). */
    String value();
}
