package org.mitra.outbox;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/** Deletes published outbox rows and remembered inbox ids once their retention has passed. */
@ApplicationScoped
public class OutboxCleanup {
    private static final Logger LOG = Logger.getLogger(OutboxCleanup.class);

    @Inject
    DataSource dataSource;

    @Inject
    OutboxTable table;

    @Inject
    OutboxConfig config;

    @Scheduled(every = "${mitra.outbox.cleanup-interval}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            Instant now = Instant.now();
            clean(now.minus(config.retention()), now.minus(config.inboxRetention()));
        } catch (RuntimeException e) {
            LOG.warn("Outbox cleanup failed; it runs again later", e);
        }
    }

    /** Deletes outbox rows published before the first instant and inbox ids processed before the second. */
    @Transactional
    public void clean(Instant publishedBefore, Instant processedBefore) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement inbox = connection.prepareStatement("DELETE FROM inbox_event WHERE processed_at < ?")) {
            int outboxRows = table.deletePublishedBefore(connection, publishedBefore);
            inbox.setTimestamp(1, Timestamp.from(processedBefore));
            int inboxRows = inbox.executeUpdate();
            LOG.debugf("Outbox cleanup deleted %d published events and %d inbox ids", outboxRows, inboxRows);
        } catch (SQLException e) {
            throw new IllegalStateException("Outbox cleanup failed", e);
        }
    }
}
