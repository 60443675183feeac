package org.mitra.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.mitra.events.CloudEvent;
import org.mitra.events.EventSources;
import org.mitra.events.Topic;

@QuarkusTest
class OutboxRelayTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ItemChanges changes;

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxCleanup cleanup;

    @Inject
    DataSource dataSource;

    @Test
    void everyChangesEventReachesKafkaInOrderPerKey() {
        Topic topic = TopicReader.newTopic();
        Map<String, Integer> changesPerKey = keys(5, 20);
        for (int sequence = 0; sequence < 20; sequence++) {
            for (String key : changesPerKey.keySet()) {
                changes.change(topic, key, sequence);
            }
        }

        var published = new PublishedItems(TopicReader.readUntil(topic, records -> PublishedItems.containAll(records, 100), WAIT));

        assertThat(published.distinctEvents()).isEqualTo(100);
        published.assertEveryKeyInOrder(changesPerKey);
    }

    @Test
    void pausedRestartedAndReplayedRelayLosesNothingAndKeepsOrderPerKey() throws Exception {
        Topic topic = TopicReader.newTopic();
        Map<String, Integer> changesPerKey = keys(4, 60);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int sequence = 0; sequence < 60; sequence++) {
                for (String key : changesPerKey.keySet()) {
                    changes.change(topic, key, sequence);
                }
                pauseBriefly(5);
            }
        });
        try {
            for (int round = 0; !writer.isDone(); round++) {
                pauseBriefly(40);
                relay.pause();
                pauseBriefly(60);
                relay.restartProducer();
                if (round % 2 == 1) {
                    forgetPublished(topic); // as if the relay crashed after sending, before marking
                }
                relay.resume();
            }
            writer.get();
        } finally {
            relay.resume();
        }

        var published = new PublishedItems(TopicReader.readUntil(topic, records -> PublishedItems.containAll(records, 240), WAIT));

        assertThat(published.distinctEvents()).isEqualTo(240);
        published.assertEveryKeyInOrder(changesPerKey);
    }

    @Test
    void replayAfterACrashBeforeMarkingDuplicatesButKeepsOrder() {
        Topic topic = TopicReader.newTopic();
        Map<String, Integer> changesPerKey = keys(2, 5);
        for (int sequence = 0; sequence < 5; sequence++) {
            for (String key : changesPerKey.keySet()) {
                changes.change(topic, key, sequence);
            }
        }
        TopicReader.readUntil(topic, records -> records.size() >= 10, WAIT);
        awaitPublished(topic);

        forgetPublished(topic);
        relay.nudge();
        var published = new PublishedItems(TopicReader.readUntil(topic, records -> records.size() >= 20, WAIT));

        assertThat(published.distinctEvents()).isEqualTo(10);
        assertThat(published.duplicates()).isEqualTo(10);
        published.assertEveryKeyInOrder(changesPerKey);
    }

    @Test
    void rolledBackTransactionPublishesNothing() {
        Topic topic = TopicReader.newTopic();
        String key = "rolled-back-" + UUID.randomUUID();

        assertThatThrownBy(() -> changes.changeThenFail(topic, key, 0)).isInstanceOf(IllegalStateException.class);
        changes.change(topic, "committed-" + key, 0);

        List<ConsumerRecord<String, byte[]>> records = TopicReader.readUntil(topic, r -> !r.isEmpty(), WAIT);
        assertThat(TopicReader.readFor(topic, Duration.ofSeconds(1))).hasSize(1);
        assertThat(records).extracting(ConsumerRecord::key).containsExactly("committed-" + key);
        assertThat(changes.changesOf(key)).isZero();
        assertThat(outboxRows(topic, key)).isZero();
    }

    @Test
    void publishingOutsideATransactionIsRefused() {
        Topic topic = TopicReader.newTopic();
        String key = "no-transaction-" + UUID.randomUUID();

        assertThatThrownBy(() -> outbox.publish(topic, new ItemChanged(key, 0))).isInstanceOf(TransactionalException.class);
        assertThatThrownBy(() -> outbox.publish(topic, key, CloudEvent.of(EventSources.of("test"), ItemChanged.TYPE, key, null)))
                .isInstanceOf(TransactionalException.class);
        assertThatThrownBy(() -> outbox.tombstone(topic, key)).isInstanceOf(TransactionalException.class);
        assertThat(outboxRows(topic, key)).isZero();
    }

    @Test
    void refusesAKeyThatIsNotTheSubjectAndATypeOutsideTheNamingRule() {
        Topic topic = TopicReader.newTopic();
        String key = "refused-" + UUID.randomUUID();

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> outbox.publish(topic, "other-" + key,
                CloudEvent.of(EventSources.of("test"), ItemChanged.TYPE, key, new ItemChanged(key, 0)))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> outbox.publish(topic, key,
                CloudEvent.of(EventSources.of("test"), "ItemChanged", key, new ItemChanged(key, 0)))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(outboxRows(topic, key)).isZero();
    }

    @Test
    void tombstoneIsPublishedAsANullValueAfterTheDeletionEvent() {
        Topic topic = TopicReader.newTopic();
        String key = "deleted-" + UUID.randomUUID();

        QuarkusTransaction.requiringNew().run(() -> {
            outbox.publish(topic, new ItemChanged(key, 0));
            outbox.tombstone(topic, key);
        });

        List<ConsumerRecord<String, byte[]>> records = TopicReader.readUntil(topic, r -> r.size() >= 2, WAIT);
        assertThat(records).extracting(ConsumerRecord::key).containsExactly(key, key);
        assertThat(records.get(0).value()).isNotNull();
        assertThat(records.get(1).value()).isNull();
    }

    @Test
    void aRowKafkaRefusesStopsTheRelayUntilItIsDealtWithAndIsNeverSkipped() {
        Topic topic = TopicReader.newTopic();
        Topic refused = new Topic("not a valid topic name!", false);
        String key = "blocked-" + UUID.randomUUID();
        relay.pause();
        try {
            changes.change(topic, key, 0);
            changes.change(refused, key, 1);
            changes.change(topic, key, 2);
        } finally {
            relay.resume();
        }

        try {
            List<ConsumerRecord<String, byte[]>> records = TopicReader.readUntil(topic, r -> !r.isEmpty(), WAIT);
            relay.publishPending();
            assertThat(TopicReader.readFor(topic, Duration.ofSeconds(2))).as("nothing after the refused row").hasSize(1);
            assertThat(new PublishedItems(records).distinctEvents()).isEqualTo(1);
            assertThat(relay.backlog().count()).isGreaterThanOrEqualTo(2);
        } finally {
            deleteRows(refused); // an operator removes the row Kafka can never take
        }
        relay.nudge();

        var published = new PublishedItems(TopicReader.readUntil(topic, r -> r.size() >= 2, WAIT));
        assertThat(published.distinctEvents()).isEqualTo(2);
    }

    @Test
    void publishedRowsAreDeletedAfterRetentionAndUnpublishedOnesKept() {
        Topic topic = TopicReader.newTopic();
        String key = "retained-" + UUID.randomUUID();
        changes.change(topic, key, 0);
        TopicReader.readUntil(topic, r -> !r.isEmpty(), WAIT);
        awaitPublished(topic);

        cleanup.clean(Instant.now().plusSeconds(1), Instant.EPOCH);

        assertThat(outboxRows(topic, key)).isZero();
    }

    private static Map<String, Integer> keys(int keys, int changesEach) {
        Map<String, Integer> changesPerKey = new LinkedHashMap<>();
        for (int i = 0; i < keys; i++) {
            changesPerKey.put("item-" + i + "-" + UUID.randomUUID(), changesEach);
        }
        return changesPerKey;
    }

    private void forgetPublished(Topic topic) {
        execute("UPDATE outbox_event SET published_at = NULL WHERE topic = ?", topic);
    }

    private void deleteRows(Topic topic) {
        execute("DELETE FROM outbox_event WHERE topic = ?", topic);
    }

    private void awaitPublished(Topic topic) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (count("SELECT count(*) FROM outbox_event WHERE topic = ? AND published_at IS NULL", topic.name()) > 0) {
            assertThat(System.nanoTime()).as("rows marked published in time").isLessThan(deadline);
            pauseBriefly(50);
        }
    }

    private long outboxRows(Topic topic, String key) {
        return count("SELECT count(*) FROM outbox_event WHERE topic = ? AND kafka_key = ?", topic.name(), key);
    }

    private void execute(String sql, Topic topic) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, topic.name());
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql, String... parameters) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pauseBriefly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
