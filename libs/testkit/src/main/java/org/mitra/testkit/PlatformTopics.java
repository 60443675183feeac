package org.mitra.testkit;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.mitra.events.Topic;

/** The platform's topics as the broker should have them: three partitions, compaction where the contract says. */
final class PlatformTopics {
    private PlatformTopics() {
    }

    static List<NewTopic> all() {
        return Topic.all().stream()
                .map(topic -> new NewTopic(topic.name(), 3, (short) 1)
                        .configs(Map.of("cleanup.policy", topic.compacted() ? "compact" : "delete")))
                .toList();
    }
}
