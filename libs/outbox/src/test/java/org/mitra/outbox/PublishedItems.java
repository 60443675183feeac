package org.mitra.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.mitra.events.CloudEvent;
import org.mitra.events.EventJson;

/** What a test topic holds: item events by key, in topic order, duplicates included. */
final class PublishedItems {
    private final Map<String, List<Integer>> sequencesByKey = new LinkedHashMap<>();
    private final Set<UUID> eventIds = new LinkedHashSet<>();
    private int records;

    PublishedItems(List<ConsumerRecord<String, byte[]>> topicRecords) {
        for (ConsumerRecord<String, byte[]> record : topicRecords) {
            CloudEvent<ItemChanged> event = EventJson.read(new String(record.value(), StandardCharsets.UTF_8), ItemChanged.class);
            assertThat(record.key()).as("Kafka key is the subject").isEqualTo(event.subject());
            assertThat(new String(record.headers().lastHeader(EventJson.CONTENT_TYPE_HEADER).value(), StandardCharsets.UTF_8))
                    .isEqualTo(EventJson.CONTENT_TYPE);
            sequencesByKey.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(event.data().sequence());
            eventIds.add(event.id());
            records++;
        }
    }

    static boolean containAll(List<ConsumerRecord<String, byte[]>> topicRecords, int distinctEvents) {
        return new PublishedItems(topicRecords).eventIds.size() >= distinctEvents;
    }

    int distinctEvents() {
        return eventIds.size();
    }

    int duplicates() {
        return records - eventIds.size();
    }

    /** Every key's changes 0..n-1 arrived, each first seen in order; repeats of earlier ones are allowed. */
    void assertEveryKeyInOrder(Map<String, Integer> changesPerKey) {
        assertThat(sequencesByKey.keySet()).containsExactlyInAnyOrderElementsOf(changesPerKey.keySet());
        changesPerKey.forEach((key, count) -> {
            List<Integer> firstSeen = sequencesByKey.get(key).stream().distinct().toList();
            assertThat(firstSeen).as("changes of %s in first-seen order", key)
                    .containsExactlyElementsOf(IntStream.range(0, count).boxed().toList());
        });
    }
}
