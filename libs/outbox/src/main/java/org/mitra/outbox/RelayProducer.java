package org.mitra.outbox;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import org.mitra.events.EventJson;

/**
 * The relay's idempotent Kafka producer. It sends a batch in order and reports how long a prefix
 * the broker acknowledged; after any failure it is closed at once, so nothing queued behind the
 * failed record is sent before the retry, and it is created anew on the next batch.
 */
@ApplicationScoped
class RelayProducer {
    private static final Logger LOG = Logger.getLogger(RelayProducer.class);

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    OutboxConfig config;

    private Producer<String, byte[]> producer;

    /** Sends the rows in order and returns how many of the first rows the broker acknowledged. */
    synchronized int sendInOrder(List<OutboxRow> rows) {
        Producer<String, byte[]> current = producer();
        Thread sending = Thread.currentThread();
        AtomicBoolean failed = new AtomicBoolean();
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        try {
            for (OutboxRow row : rows) {
                if (failed.get()) {
                    break; // nothing is handed over behind a failed row
                }
                acks.add(current.send(record(row), (metadata, error) -> {
                    if (error != null) {
                        failed.set(true);
                        if (Thread.currentThread() != sending) {
                            // On the producer's thread: drop what is queued behind the failure (zero timeout is allowed here).
                            current.close(Duration.ZERO);
                        }
                    }
                }));
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "Outbox relay could not hand row %d to Kafka", rows.get(acks.size()).position());
        }
        int acknowledged = awaitInOrder(acks, rows);
        if (acknowledged < rows.size()) {
            close(Duration.ZERO);
        }
        return acknowledged;
    }

    /** Closes the producer after its in-flight sends; the next batch creates a new one. */
    synchronized void close(Duration timeout) {
        if (producer != null) {
            producer.close(timeout);
            producer = null;
        }
    }

    @PreDestroy
    void shutdown() {
        close(Duration.ofSeconds(5));
    }

    private int awaitInOrder(List<Future<RecordMetadata>> acks, List<OutboxRow> rows) {
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        int acknowledged = 0;
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged++;
            } catch (ExecutionException | TimeoutException e) {
                LOG.warnf(e instanceof ExecutionException ? e.getCause() : e,
                        "Outbox relay stops at row %d; it and the rows after it are retried later",
                        rows.get(acknowledged).position());
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return acknowledged;
    }

    private static ProducerRecord<String, byte[]> record(OutboxRow row) {
        if (row.payload() == null) {
            return new ProducerRecord<>(row.topic(), row.key(), null);
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.topic(), row.key(),
                row.payload().getBytes(StandardCharsets.UTF_8));
        record.headers().add(new RecordHeader(EventJson.CONTENT_TYPE_HEADER,
                EventJson.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private Producer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    /** The service's {@code kafka.*} settings (bootstrap servers, security), with what the outbox's promises need. */
    private Map<String, Object> producerConfig() {
        Map<String, Object> settings = new HashMap<>(kafkaConfig);
        settings.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        settings.remove("group.id");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        // Five at most keeps per-partition order with idempotence on, across retries.
        settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        int sendTimeoutMs = (int) config.sendTimeout().toMillis();
        int requestTimeoutMs = Math.max(1000, sendTimeoutMs / 3);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeoutMs);
        // Kafka requires delivery timeout >= linger + request timeout.
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.max(sendTimeoutMs, requestTimeoutMs + 5));
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, requestTimeoutMs);
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, "mitra-outbox-relay");
        return settings;
    }
}
