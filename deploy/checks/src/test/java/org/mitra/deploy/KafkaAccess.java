package org.mitra.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service does with Kafka, read from its sources rather than written down again: the topics its outbox
 * publishes (each {@code outbox.publish(Topic.X, ...)} in its main code, X a constant of libs/events' Topic), and per
 * incoming channel of its application.properties the topic it reads, its group.id and its dead-letter topic. A service
 * may read one topic in several groups (referral-service reads mitra.directory.organizations for its read model and for
 * its webhooks), one group may read several topics (two channels of group referral-webhooks), and a service may read a
 * topic it also publishes (its webhooks read its own mitra.referrals.lifecycle): every pair counts.
 *
 * @param reads topic read to every consumer group that reads it (sorted, each group once per topic)
 */
record KafkaAccess(String module, Set<String> publishes, Map<String, Set<String>> reads, Set<String> deadLetters) {

    private static final Pattern PUBLISH = Pattern.compile("\\boutbox\\.publish\\(");
    private static final Pattern PUBLISH_TOPIC = Pattern.compile("\\boutbox\\.publish\\(\\s*Topic\\.([A-Z_]+)\\s*,");
    private static final Pattern INCOMING_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic");

    static KafkaAccess of(String module) {
        Map<String, String> constants = topicConstants();
        Set<String> publishes = new TreeSet<>();
        for (Path source : javaSources(Repository.ROOT.resolve(module).resolve("src/main/java"))) {
            String text = Repository.read(source);
            Matcher named = PUBLISH_TOPIC.matcher(text);
            int calls = (int) PUBLISH.matcher(text).results().count();
            int found = 0;
            while (named.find()) {
                assertThat(constants).as("Topic.%s in %s", named.group(1), source).containsKey(named.group(1));
                publishes.add(constants.get(named.group(1)));
                found++;
            }
            assertThat(found).as("every outbox.publish of %s names a Topic constant, so its topic is known here", source)
                    .isEqualTo(calls);
        }
        Map<String, String> properties = ServiceConfig.of(module).properties();
        assertThat(properties.keySet()).as("%s sends only through its outbox (no outgoing channel)", module)
                .noneMatch(k -> k.startsWith("mp.messaging.outgoing."));
        Map<String, Set<String>> reads = new TreeMap<>();
        Set<String> deadLetters = new TreeSet<>();
        properties.forEach((key, topic) -> {
            Matcher incoming = INCOMING_TOPIC.matcher(key);
            if (incoming.matches()) {
                String channel = "mp.messaging.incoming." + incoming.group(1) + ".";
                String group = properties.get(channel + "group.id");
                assertThat(group).as("%s %s has a group.id of its own", module, channel).isNotBlank();
                reads.computeIfAbsent(topic, t -> new TreeSet<>()).add(group);
                if ("dead-letter-queue".equals(properties.get(channel + "failure-strategy"))) {
                    deadLetters.add(properties.getOrDefault(channel + "dead-letter-queue.topic", "dead-letter-topic-" + topic));
                }
            }
        });
        return new KafkaAccess(module, publishes, reads, deadLetters);
    }

    /** Every topic this service reads, in any group. */
    Set<String> readTopics() {
        return new TreeSet<>(reads.keySet());
    }

    /** Every consumer group this service reads in, over all its channels. */
    Set<String> groups() {
        Set<String> out = new TreeSet<>();
        reads.values().forEach(out::addAll);
        return out;
    }

    /** Every topic this service writes to: its outbox's and its dead-letter topics. */
    Set<String> writes() {
        Set<String> out = new TreeSet<>(publishes);
        out.addAll(deadLetters);
        return out;
    }

    /** libs/events Topic: constant name to topic name. */
    static Map<String, String> topicConstants() {
        String source = Repository.read(Repository.ROOT.resolve("libs/events/src/main/java/org/mitra/events/Topic.java"));
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("static final Topic ([A-Z_]+) = new Topic\\(\"([a-z.-]+)\"").matcher(source);
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        assertThat(out).as("the topics of libs/events").containsKey("DEAD_LETTERS");
        return out;
    }

    private static Iterable<Path> javaSources(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
