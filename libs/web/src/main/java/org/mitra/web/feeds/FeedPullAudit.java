package org.mitra.web.feeds;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.TreeSet;
import org.mitra.web.Caller;

/**
 * The audit of feed pulls (docs/privacy.md §1): who (the token's user name and subject, never anything about the people
 * counted) pulled which feed and period, in which format, and whether the caller already had it. Written to the
 * service's {@code feed_pull} table, which each service's migrations create with the columns used here, in a
 * transaction of its own so the record stays even when answering fails afterwards.
 */
@ApplicationScoped
public class FeedPullAudit {
    private static final int COLUMN = 200;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Caller caller;

    /** @param period null for a pull of the period list */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String feed, String period, String format, boolean notModified) {
        String actor = caller.username() != null ? caller.username() : "unknown";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO feed_pull (actor, subject, roles, feed, period, format, not_modified, pulled_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, truncate(actor));
            insert.setString(2, caller.subject() == null ? null : truncate(caller.subject()));
            insert.setString(3, truncate(String.join(",", new TreeSet<>(caller.roles()))));
            insert.setString(4, feed);
            insert.setString(5, period);
            insert.setString(6, format);
            insert.setBoolean(7, notModified);
            insert.setTimestamp(8, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record the feed pull", e);
        }
    }

    /** What {@link FeedResponses#respond} hands each pull of one period of {@code feed} to. */
    public FeedResponses.PullAudit of(String feed) {
        return (period, format, notModified) -> record(feed, period, format, notModified);
    }

    private static String truncate(String value) {
        return value.length() <= COLUMN ? value : value.substring(0, COLUMN);
    }
}
