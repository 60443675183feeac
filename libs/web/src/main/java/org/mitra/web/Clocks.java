package org.mitra.web;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneOffset;

/** The clock a service's beans take the time from, injected; a test can put a bean of its own in its place. */
@Singleton
public class Clocks {
    /** Milliseconds, as stored and as in events, so a response never shows a time the database rounds. */
    @Produces
    @Singleton
    @DefaultBean
    public Clock clock() {
        return Clock.tickMillis(ZoneOffset.UTC);
    }
}
