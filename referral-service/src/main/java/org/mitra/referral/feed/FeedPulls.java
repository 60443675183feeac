package org.mitra.referral.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.TreeSet;
import org.mitra.web.Caller;

/**
 * The audit of feed pulls: who (the token's user name and subject, never anything about the people
 * counted) pulled which feed and period, in which format, and whether nothing had changed.
 */
@ApplicationScoped
public class FeedPulls {
    @Inject
    EntityManager entityManager;

    @Inject
    Caller caller;

    /** @param period null for a pull of the period list */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String feed, String period, String format, boolean notModified) {
        String actor = caller.username() != null ? caller.username() : "unknown";
        entityManager.createNativeQuery("""
                INSERT INTO feed_pull (actor, subject, roles, feed, period, format, not_modified, pulled_at)
                VALUES (:actor, :subject, :roles, :feed, :period, :format, :notModified, :at)""")
                .setParameter("actor", truncate(actor))
                .setParameter("subject", caller.subject() == null ? null : truncate(caller.subject()))
                .setParameter("roles", truncate(String.join(",", new TreeSet<>(caller.roles()))))
                .setParameter("feed", feed)
                .setParameter("period", period)
                .setParameter("format", format)
                .setParameter("notModified", notModified)
                .setParameter("at", Timestamp.from(Instant.now()))
                .executeUpdate();
    }

    private static String truncate(String value) {
        return value.length() <= 200 ? value : value.substring(0, 200);
    }
}
