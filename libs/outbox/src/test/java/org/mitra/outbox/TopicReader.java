package org.mitra.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.mitra.events.Topic;
import org.mitra.testkit.TestInfrastructure;

/** Test topics of their own, read from the beginning with a plain consumer (no group, no commits). */
final class TopicReader {
    private TopicReader() {
    }

    static Topic newTopic() {
        String name = "outbox-test-" + UUID.randomUUID();
        TestInfrastructure.createTopics(List.of(new NewTopic(name, 3, (short) 1)));
        return new Topic(name, false);
    }

    /** Reads the whole topic until the records read so far satisfy {@code enough}, or the timeout passes. */
    static List<ConsumerRecord<String, byte[]>> readUntil(Topic topic, Predicate<List<ConsumerRecord<String, byte[]>>> enough,
            Duration timeout) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(info -> new TopicPartition(topic.name(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!enough.test(records) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** Reads for a while when nothing more is expected, to prove that nothing more comes. */
    static List<ConsumerRecord<String, byte[]>> readFor(Topic topic, Duration duration) {
        return readUntil(topic, records -> false, duration);
    }
}
