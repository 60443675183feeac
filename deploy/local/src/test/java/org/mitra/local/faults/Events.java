package org.mitra.local.faults;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.mitra.events.CloudEvent;
import org.mitra.events.EventJson;
import org.mitra.events.EventSources;
import org.mitra.events.Topic;
import org.mitra.events.referral.ReferralStatus;
import org.mitra.events.referral.ReferralStatusChanged;

/** The fault suite's own Kafka clients: producing events (valid or poison), and reading offsets, lag and topics. */
final class Events implements AutoCloseable {
    private final String bootstrapServers;
    private final KafkaProducer<String, String> producer;
    private final Admin admin;

    Events(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        // Short timeouts: the suite asks while the broker is away, and must hear "no" quickly.
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000));
    }

    /** Publishes a referral's REQUESTED event as referral-service would; returns the event id. */
    UUID requested(UUID referral, String category, String region) {
        CloudEvent<ReferralStatusChanged> event = CloudEvent.of(EventSources.REFERRAL, new ReferralStatusChanged(referral,
                category, region, ReferralStatus.REQUESTED, null, Instant.now()));
        ProducerRecord<String, String> record = new ProducerRecord<>(Topic.REFERRALS_LIFECYCLE.name(), referral.toString(),
                EventJson.write(event));
        record.headers().add(EventJson.CONTENT_TYPE_HEADER, EventJson.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        await(producer.send(record));
        return event.id();
    }

    void raw(Topic topic, String key, String value) {
        await(producer.send(new ProducerRecord<>(topic.name(), key, value)));
    }

    /** A CloudEvents envelope around any data, for events that fail their schema. */
    static String envelope(String type, String dataJson) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/mitra/fault-suite\",\"type\":\""
                + type + "\",\"time\":\"" + Instant.now() + "\",\"data\":" + dataJson + "}";
    }

    long endOffset(Topic topic) {
        return endOffsets(partitions(topic)).values().stream().mapToLong(Long::longValue).sum();
    }

    /** The end offset, or -1 while the broker cannot answer. */
    long endOffsetIfReachable(Topic topic) {
        try {
            return endOffset(topic);
        } catch (RuntimeException brokerAway) {
            return -1;
        }
    }

    /** Records on the topic under the keys that repeat an event id already seen: events published more than once. */
    long duplicates(Topic topic, Set<String> keys) {
        Map<String, Integer> byEventId = new HashMap<>();
        for (ConsumerRecord<String, String> record : readAll(topic)) {
            if (record.value() != null && keys.contains(record.key())) {
                byEventId.merge(EventJson.read(record.value()).id().toString(), 1, Integer::sum);
            }
        }
        return byEventId.values().stream().mapToLong(count -> count - 1).sum();
    }

    /** Dead-letter records under the keys, counted by the topic they came from. */
    Map<String, Long> deadLetters(Set<String> keys) {
        return readAll(Topic.DEAD_LETTERS).stream()
                .filter(record -> keys.contains(record.key()))
                .collect(Collectors.groupingBy(record -> {
                    Header source = record.headers().lastHeader("dead-letter-topic");
                    return source == null ? "?" : new String(source.value(), StandardCharsets.UTF_8);
                }, Collectors.counting()));
    }

    /**
     * Records each group has not committed yet on the topic it consumes, over all its partitions: a partition the
     * group never committed on counts from its start (the consumers read from the earliest offset).
     */
    long lag(Map<String, List<Topic>> consumedBy) {
        long lag = 0;
        for (Map.Entry<String, List<Topic>> group : consumedBy.entrySet()) {
            Map<TopicPartition, OffsetAndMetadata> committed = await(admin.listConsumerGroupOffsets(group.getKey())
                    .partitionsToOffsetAndMetadata());
            List<TopicPartition> partitions = group.getValue().stream().flatMap(topic -> partitions(topic).stream()).toList();
            Map<TopicPartition, Long> ends = endOffsets(partitions);
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata done = committed.get(partition);
                lag += Math.max(0, ends.getOrDefault(partition, 0L) - (done == null ? 0 : done.offset()));
            }
        }
        return lag;
    }

    /** Every group has live members with their partitions assigned (no rebalance pending) and nothing left to read. */
    boolean settled(Map<String, List<Topic>> consumedBy) {
        Map<String, org.apache.kafka.clients.admin.ConsumerGroupDescription> groups = await(admin.describeConsumerGroups(
                List.copyOf(consumedBy.keySet())).all());
        boolean stable = groups.values().stream().allMatch(group -> group.groupState() == org.apache.kafka.common.GroupState.STABLE
                && !group.members().isEmpty());
        return stable && lag(consumedBy) == 0;
    }

    private List<ConsumerRecord<String, String>> readAll(Topic topic) {
        List<TopicPartition> partitions = partitions(topic);
        Map<TopicPartition, Long> ends = endOffsets(partitions);
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, String>> records = new java.util.ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private List<TopicPartition> partitions(Topic topic) {
        return await(admin.describeTopics(List.of(topic.name())).allTopicNames()).get(topic.name()).partitions().stream()
                .map(partition -> new TopicPartition(topic.name(), partition.partition()))
                .toList();
    }

    private Map<TopicPartition, Long> endOffsets(List<TopicPartition> partitions) {
        Map<TopicPartition, OffsetSpec> latest = partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets = await(admin.listOffsets(latest).all());
        return offsets.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    private static <T> T await(java.util.concurrent.Future<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }
}
