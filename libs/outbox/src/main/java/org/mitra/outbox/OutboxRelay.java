package org.mitra.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Publishes unpublished outbox rows to Kafka in {@code position} order, one batch per database
 * transaction, and marks only the rows the broker acknowledged. A failed row stops the batch and
 * is retried with everything after it on the next run: never skipped, so order per key holds. A
 * crash between send and mark republishes (duplicates are possible, loss is not).
 *
 * <p>Runs every {@code mitra.outbox.poll-interval} and right after a commit that wrote events.
 * Across replicas a PostgreSQL advisory lock lets one relay work at a time.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    DataSource dataSource;

    @Inject
    OutboxTable table;

    @Inject
    RelayProducer producer;

    @Inject
    OutboxConfig config;

    private final ReentrantLock working = new ReentrantLock();
    private final AtomicBoolean requested = new AtomicBoolean();
    private volatile boolean paused;
    // One waiting nudge is enough: a run publishes everything committed before it starts.
    private final ThreadPoolExecutor nudges = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(1), runnable -> {
                Thread thread = new Thread(runnable, "mitra-outbox-relay");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.DiscardPolicy());

    @Scheduled(every = "${mitra.outbox.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        publishPending();
    }

    /** Asks for a run soon, on the relay's own thread. */
    public void nudge() {
        if (config.enabled() && !paused) {
            nudges.execute(this::publishPending);
        }
    }

    /** Publishes until nothing is pending, the relay is paused, or a row fails; runs alongside no other run. */
    public void publishPending() {
        requested.set(true);
        // A request arriving while another thread works is picked up by that thread before it lets go.
        while (requested.get() && working.tryLock()) {
            try {
                requested.set(false);
                while (config.enabled() && !paused && publishBatch()) {
                    // keep going while full batches publish cleanly
                }
            } finally {
                working.unlock();
            }
        }
    }

    /** Stops relaying; returns once a batch in progress has finished. Rows keep accumulating. */
    public void pause() {
        paused = true;
        working.lock();
        working.unlock();
    }

    public void resume() {
        paused = false;
        nudge();
    }

    public boolean isPaused() {
        return paused;
    }

    /** Closes the Kafka producer between batches; the next batch opens a new one (as after a broker failure). */
    public void restartProducer() {
        working.lock();
        try {
            producer.close(Duration.ofSeconds(5));
        } finally {
            working.unlock();
        }
    }

    /** How many rows wait to be published and since when. */
    public OutboxBacklog backlog() {
        try (Connection connection = dataSource.getConnection()) {
            return table.backlog(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the outbox backlog", e);
        }
    }

    @PreDestroy
    void stop() {
        paused = true;
        nudges.shutdownNow();
    }

    /** One batch in one transaction; true when a full batch was published and more may wait. */
    private boolean publishBatch() {
        int timeoutSeconds = (int) config.sendTimeout().plusSeconds(30).toSeconds();
        try {
            return QuarkusTransaction.requiringNew().timeout(timeoutSeconds).call(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    if (!table.tryRelayLock(connection)) {
                        return false;
                    }
                    List<OutboxRow> rows = table.unpublished(connection, config.batchSize());
                    int acknowledged = rows.isEmpty() ? 0 : producer.sendInOrder(rows);
                    table.markPublished(connection, rows.subList(0, acknowledged));
                    return acknowledged == config.batchSize();
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("Outbox relay run failed; it retries at the next poll", e);
            return false;
        }
    }
}
