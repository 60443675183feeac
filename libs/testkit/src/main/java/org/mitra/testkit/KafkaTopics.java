package org.mitra.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.mitra.events.CloudEvent;
import org.mitra.events.EventJson;
import org.mitra.events.Topic;

/** Reads and writes the shared test broker's topics the way another service would. */
public final class KafkaTopics {
    private KafkaTopics() {
    }

    /**
     * The CloudEvents on the topic under {@code key}, read from the beginning until {@code enough}
     * holds for them or the timeout passes (then whatever was read is returned).
     */
    public static List<CloudEvent<JsonNode>> eventsFor(Topic topic, String key, Predicate<List<CloudEvent<JsonNode>>> enough,
            Duration timeout) {
        List<CloudEvent<JsonNode>> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : readUntil(topic, key, records -> enough.test(parse(records)), timeout)) {
            if (record.value() != null) {
                events.add(EventJson.read(record.value()));
            }
        }
        return events;
    }

    /** Every raw record on the topic under {@code key} (null values are tombstones), read until the timeout. */
    public static List<ConsumerRecord<String, String>> readUntil(Topic topic, String key,
            Predicate<List<ConsumerRecord<String, String>>> enough, Duration timeout) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(info -> new TopicPartition(topic.name(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!enough.test(records) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        records.add(record);
                    }
                }
            }
            return records;
        }
    }

    /** Publishes an event as its producing service would: key = subject, structured-mode CloudEvent. */
    public static void send(Topic topic, CloudEvent<?> event) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic.name(), event.subject(), EventJson.write(event));
            record.headers().add(EventJson.CONTENT_TYPE_HEADER, EventJson.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Cannot send test event " + event.id(), e.getCause());
        }
    }

    /** Publishes any value under a key, as a broken or hostile producer might (poison-event tests). */
    public static void sendRaw(Topic topic, String key, String value) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic.name(), key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Cannot send a test record", e.getCause());
        }
    }

    private static List<CloudEvent<JsonNode>> parse(List<ConsumerRecord<String, String>> records) {
        return records.stream().filter(record -> record.value() != null).map(record -> EventJson.read(record.value())).toList();
    }
}
