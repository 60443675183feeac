package org.mitra.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.mitra.events.CloudEvent;
import org.mitra.events.EventJson;
import org.mitra.events.EventSources;
import org.mitra.events.Topic;

@QuarkusTest
class InboxTest {
    @Inject
    Inbox inbox;

    @Inject
    ItemCounter counter;

    @Inject
    ItemChanges changes;

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        String key = "counted-" + UUID.randomUUID();
        CloudEvent<ItemChanged> event = CloudEvent.of(EventSources.of("test"), new ItemChanged(key, 0));

        assertThat(counter.consume(event)).isTrue();
        assertThat(counter.consume(event)).isFalse();
        assertThat(counter.consume(EventJson.read(EventJson.write(event)))).as("the same event read again from JSON").isFalse();
        assertThat(counter.applied(key)).isEqualTo(1);

        assertThat(counter.consume(CloudEvent.of(EventSources.of("test"), new ItemChanged(key, 1)))).isTrue();
        assertThat(counter.applied(key)).isEqualTo(2);
    }

    @Test
    void eventsReadTwiceFromKafkaAreAppliedOnceEach() {
        Topic topic = TopicReader.newTopic();
        String key = "from-kafka-" + UUID.randomUUID();
        changes.change(topic, key, 0);
        changes.change(topic, key, 1);
        List<ConsumerRecord<String, byte[]>> records = TopicReader.readUntil(topic, r -> r.size() >= 2, Duration.ofSeconds(30));

        for (int delivery = 0; delivery < 2; delivery++) {
            for (ConsumerRecord<String, byte[]> record : records) {
                CloudEvent<JsonNode> event = EventJson.read(record.value());
                counter.consume(event);
            }
        }

        assertThat(counter.applied(key)).isEqualTo(2);
    }

    @Test
    void anEventWhoseHandlingFailedIsAppliedOnRedelivery() {
        String key = "failed-once-" + UUID.randomUUID();
        CloudEvent<ItemChanged> event = CloudEvent.of(EventSources.of("test"), new ItemChanged(key, 0));

        assertThatThrownBy(() -> counter.consumeThenFail(event)).isInstanceOf(IllegalStateException.class);
        assertThat(counter.applied(key)).isZero();

        assertThat(counter.consume(event)).isTrue();
        assertThat(counter.applied(key)).isEqualTo(1);
    }

    @Test
    void firstTimeIsTrueOncePerConsumerAndEvent() {
        UUID eventId = UUID.randomUUID();

        assertThat(QuarkusTransaction.requiringNew().call(() -> inbox.firstTime("consumer-a", eventId))).isTrue();
        assertThat(QuarkusTransaction.requiringNew().call(() -> inbox.firstTime("consumer-a", eventId))).isFalse();
        assertThat(QuarkusTransaction.requiringNew().call(() -> inbox.firstTime("consumer-b", eventId))).isTrue();
    }

    @Test
    void firstTimeOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> inbox.firstTime("consumer-a", UUID.randomUUID())).isInstanceOf(TransactionalException.class);
    }
}
