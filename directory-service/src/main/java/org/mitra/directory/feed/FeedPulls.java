package org.mitra.directory.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.TreeSet;
import org.mitra.web.Caller;

/** The audit of feed pulls: who pulled which feed and period, in which format (even when nothing had changed). */
@ApplicationScoped
public class FeedPulls {
    @Inject
    EntityManager entityManager;

    @Inject
    Caller caller;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String feed, String period, String format, boolean unchanged) {
        entityManager.createNativeQuery("""
                INSERT INTO feed_pull (actor, roles, feed, period, format, pulled_at)
                VALUES (:actor, :roles, :feed, :period, :format, :at)""")
                .setParameter("actor", caller.username() != null ? caller.username() : "unknown")
                .setParameter("roles", String.join(",", new TreeSet<>(caller.roles())))
                .setParameter("feed", feed)
                .setParameter("period", period)
                .setParameter("format", unchanged ? format + "-304" : format)
                .setParameter("at", Timestamp.from(Instant.now()))
                .executeUpdate();
    }
}
