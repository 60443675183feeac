package org.mitra.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.mitra.events.Topic;
import org.mitra.local.DemoOrganization;
import org.mitra.local.PlatformService;

/**
 * Real events against the AsyncAPI contract: the running services, driven through their APIs, write events to the
 * platform's Kafka (an organization registered and verified, a referral sent and accepted, a campaign drafted and
 * launched); then every record of every topic of {@link Topic#all()}, from the beginning, must fit the contract as
 * the directory serves it: its key, headers and value against the message of its topic's channel whose payload fixes
 * its CloudEvent type. A type the channel has no message for, a record of a topic with no channel, or a value that is
 * neither a CloudEvent nor a tombstone the channel allows, fails. Runs before the fuzzer, which changes the demo
 * organizations at random (it may suspend them or withdraw their services), and checks the earlier suites' events too.
 */
@Order(3)
class EventContractIT {
    private static final String PERSON = "Events Putri";
    private static final String NOTE = "Event contract: needs a safe place tonight";
    private static SystemPlatform platform;
    private static EventContract contract;

    @BeforeAll
    static void servedContract() {
        platform = SystemPlatform.get();
        Http.Exchange served = platform.http().get(platform.url(PlatformService.DIRECTORY) + EventContract.PATH,
                Map.of("Accept", "*/*"));
        assertThat(served.status()).as(served.describe()).isEqualTo(200);
        assertThat(served.body()).as("directory-service serves the contract of the libs/events on this class path "
                + "(if not, the service was built from an older libs/events: build it again)")
                .isEqualTo(EventContract.fromClassPath().text);
        contract = new EventContract(served.body());
    }

    @Test
    void everyEventTheServicesWroteToKafkaFitsTheMessageOfItsType() {
        Map<String, String> caused = causeEvents();

        List<ConsumerRecord<byte[], byte[]>> records = awaitRecords(caused);
        Map<String, Integer> seen = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            String where = record.topic() + "/" + record.partition() + "@" + record.offset();
            String type = check(record, where, failures);
            seen.merge(record.topic() + " " + type, 1, Integer::sum);
        }
        System.out.printf("EventContractIT: %d records checked against the contract: %s%n", records.size(), seen);
        failures.forEach(failure -> System.out.println("EVENT CONTRACT FAILURE " + failure));
        assertThat(failures).as("records that do not fit the contract").isEmpty();
        // Where the referral's personal data rests: in the referral service's vault, never in an event.
        assertThat(records).as("records holding the referred person's name or the sender's note").noneSatisfy(record ->
                assertThat(text(record)).containsAnyOf(PERSON, NOTE));
        assertThat(seen.keySet()).as("the types this suite caused, among those seen").contains(
                Topic.DIRECTORY_ORGANIZATIONS.name() + " org.mitra.organization.changed.v1",
                Topic.REFERRALS_LIFECYCLE.name() + " org.mitra.referral.requested.v1",
                Topic.REFERRALS_LIFECYCLE.name() + " org.mitra.referral.accepted.v1",
                Topic.AWARENESS_CAMPAIGNS.name() + " org.mitra.campaign.changed.v1");
    }

    /** The check itself: a real record passes; the same record changed in one way each fails it. */
    @Test
    void theCheckRefusesARecordThatDoesNotFitTheContract() {
        ConsumerRecord<byte[], byte[]> real = readAll().stream()
                .filter(record -> record.topic().equals(Topic.DIRECTORY_ORGANIZATIONS.name()) && record.value() != null)
                .findFirst().orElseThrow(() -> new AssertionError("No organization event on Kafka"));
        ObjectNode value = (ObjectNode) Json.read(new String(real.value(), StandardCharsets.UTF_8));
        assertThat(failuresOf(real.topic(), real.key(), value, real.headers())).as("the real record").isEmpty();

        Map<String, List<String>> refused = new LinkedHashMap<>();
        refused.put("an unknown type", failuresOf(real.topic(), real.key(), value.deepCopy().put("type", "org.mitra.organization.renamed.v1"), real.headers()));
        refused.put("a type of another topic", failuresOf(real.topic(), real.key(), value.deepCopy().put("type", "org.mitra.campaign.changed.v1"), real.headers()));
        ObjectNode badData = value.deepCopy();
        ((ObjectNode) badData.get("data")).put("status", "APPROVED");
        refused.put("a status outside the enum", failuresOf(real.topic(), real.key(), badData, real.headers()));
        refused.put("a key other than the subject", failuresOf(real.topic(), UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8), value, real.headers()));
        refused.put("no content-type header", failuresOf(real.topic(), real.key(), value, new org.apache.kafka.common.header.internals.RecordHeaders()));
        refused.put("a topic without a channel", failuresOf("mitra.unknown", real.key(), value, real.headers()));
        refused.put("no value on a topic without tombstones", failuresOf(Topic.REFERRALS_LIFECYCLE.name(), real.key(), null, real.headers()));
        assertThat(refused).allSatisfy((change, failures) -> assertThat(failures).as(change).isNotEmpty());
    }

    private static List<String> failuresOf(String topic, byte[] key, JsonNode value, org.apache.kafka.common.header.Headers headers) {
        byte[] bytes = value == null ? null : Json.write(value).getBytes(StandardCharsets.UTF_8);
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(topic, 0, 0L, 0L,
                org.apache.kafka.common.record.TimestampType.CREATE_TIME, key == null ? -1 : key.length,
                bytes == null ? -1 : bytes.length, key, bytes, headers, Optional.empty());
        List<String> failures = new ArrayList<>();
        check(record, topic, failures);
        return failures;
    }

    /** Checks one record; returns the type it was checked as (for the figures). */
    private static String check(ConsumerRecord<byte[], byte[]> record, String where, List<String> failures) {
        Optional<JsonNode> channel = contract.channelAt(record.topic());
        if (channel.isEmpty()) {
            failures.add(where + ": the topic has no channel in the contract");
            return "(no channel)";
        }
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        String type;
        Optional<String> message;
        JsonNode value = null;
        if (record.topic().equals(Topic.DEAD_LETTERS.name())) {
            type = "dead-letter";
            message = Optional.of("/components/messages/deadLetter");
        } else if (record.value() == null) {
            type = "tombstone";
            message = contract.messageFor(record.topic(), null);
        } else {
            Optional<JsonNode> parsed = Json.parse(new String(record.value(), StandardCharsets.UTF_8));
            if (parsed.isEmpty() || !parsed.get().isObject()) {
                failures.add(where + ": the value is no JSON object");
                return "(no JSON)";
            }
            value = parsed.get();
            type = value.path("type").asText("(no type)");
            message = contract.messageFor(record.topic(), type);
            if (message.isPresent() && !value.path("subject").asText().equals(key)) {
                failures.add(where + " " + type + ": key " + key + " is not the subject " + value.path("subject"));
            }
        }
        if (message.isEmpty()) {
            failures.add(where + ": " + type + " is no message of the channel " + record.topic());
            return type;
        }
        String pointer = message.get();
        JsonNode messageNode = contract.resolve(contract.document.at(pointer));
        if (value != null) {
            contract.violations(pointer + "/payload", value).forEach(v -> failures.add(where + " " + type + " value: " + v));
        }
        if (!messageNode.at("/bindings/kafka/key").isMissingNode()) {
            JsonNode keyNode = key == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : new TextNode(key);
            contract.violations(pointer + "/bindings/kafka/key", keyNode).forEach(v -> failures.add(where + " " + type + " key: " + v));
        }
        ObjectNode headers = Json.object();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        for (String headersAt : headerSchemas(pointer, messageNode)) {
            contract.violations(headersAt, headers).forEach(v -> failures.add(where + " " + type + " headers: " + v));
        }
        return type;
    }

    /** Pointers of the message's headers schemas: its own and its traits'. */
    private static List<String> headerSchemas(String pointer, JsonNode message) {
        List<String> found = new ArrayList<>();
        if (message.has("headers")) {
            found.add(pointer + "/headers");
        }
        for (JsonNode trait : message.path("traits")) {
            String at = trait.path("$ref").asText("").replaceFirst("^#", "");
            if (!at.isEmpty() && contract.document.at(at).has("headers")) {
                found.add(at + "/headers");
            }
        }
        return found;
    }

    /**
     * Every record of every topic, read again until the events of the entities this suite made are there (the outbox
     * relays within a second or so; consumers apply asynchronously).
     */
    private static List<ConsumerRecord<byte[], byte[]>> awaitRecords(Map<String, String> caused) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            List<ConsumerRecord<byte[], byte[]>> records = readAll();
            Set<String> present = new TreeSet<>();
            for (ConsumerRecord<byte[], byte[]> record : records) {
                if (record.value() != null && record.key() != null) {
                    Json.parse(new String(record.value(), StandardCharsets.UTF_8)).ifPresent(event ->
                            present.add(event.path("subject").asText() + " " + event.path("type").asText()));
                }
            }
            Set<String> missing = new TreeSet<>();
            caused.forEach((subjectAndType, what) -> {
                if (!present.contains(subjectAndType)) {
                    missing.add(what + " (" + subjectAndType + ")");
                }
            });
            if (missing.isEmpty()) {
                return records;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Events never reached Kafka: " + missing);
            }
            sleep(1000);
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll() {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.settings().kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (Topic topic : Topic.all()) {
                var infos = consumer.partitionsFor(topic.name(), Duration.ofSeconds(10));
                assertThat(infos).as(topic.name() + " exists").isNotEmpty();
                infos.forEach(info -> partitions.add(new TopicPartition(topic.name(), info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Could not read the topics to their end in 60 s");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        records.add(record);
                    }
                }
            }
        }
        return records;
    }

    /**
     * Makes events of each event topic through the services' APIs; returns "subject type" → what it was, for each
     * event that must then be on Kafka.
     */
    private static Map<String, String> causeEvents() {
        Map<String, String> caused = new LinkedHashMap<>();
        Http http = platform.http();
        String admin = platform.tokens().user("coalition-admin");

        // An organization registered, then verified: organization.changed, twice.
        String slug = "events-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode registration = Json.object().put("name", "Events " + slug).put("slug", slug)
                .put("description", "Registered by the system tests for the event contract");
        registration.putArray("regions").add("5103");
        String directory = platform.url(PlatformService.DIRECTORY) + "/api/directory/organizations";
        Http.Exchange registered = http.send("POST", directory, bearer(admin, "Content-Type", "application/json"),
                Json.write(registration));
        assertThat(registered.status()).as(registered.describe()).isEqualTo(201);
        String organization = Json.read(registered.body()).path("id").asText();
        Http.Exchange current = http.get(directory + "/" + organization, bearer(admin, "Accept", "application/json"));
        String etag = current.header("ETag").orElseThrow(() -> new IllegalStateException("No ETag: " + current.describe()));
        Http.Exchange verified = http.send("PUT", directory + "/" + organization + "/verification", bearer(admin,
                "Content-Type", "application/json", "If-Match", etag),
                Json.write(Json.object().put("status", "VERIFIED").put("reason", "system tests: event contract")));
        assertThat(verified.status()).as(verified.describe()).isEqualTo(200);
        caused.put(organization + " org.mitra.organization.changed.v1", "the organization registered and verified");

        // The fuzzer before this suite may have suspended the demo organizations at random: verified again first.
        DemoOrganization receiver = DemoOrganization.TRAFFIC_LIGHTS;
        for (DemoOrganization demo : List.of(DemoOrganization.DARKBALI, receiver)) {
            verify(directory + "/" + demo.id(), admin);
        }

        // An anonymous caller polling the public feed catalog around this referral (JSON and DCAT) sees nothing move.
        Map<String, String> catalogBefore = anonymousCatalog();

        // A referral sent by darkbali and accepted by traffic lights: referral.requested, referral.accepted.
        String sender = platform.tokens().user(DemoOrganization.DARKBALI.caseworker());
        ObjectNode referral = Json.object().put("receivingOrganizationId", receiver.id().toString())
                .put("categoryCode", "street-children-outreach").put("regionCode", "5171").put("urgency", "HIGH")
                .put("submit", true).put("note", NOTE);
        referral.putObject("profile").put("ageBand", "12-17").put("gender", "FEMALE");
        referral.putObject("identity").put("fullName", PERSON);
        ObjectNode consent = referral.putObject("consent").put("consentedBy", "SUBJECT")
                .put("consentedAt", java.time.Instant.now().minusSeconds(3600).toString()).put("mayContact", false);
        consent.putArray("shares").add("PROFILE").add("IDENTITY").add("NOTE");
        consent.putArray("sharedWith").add(receiver.id().toString());
        String referrals = platform.url(PlatformService.REFERRAL) + "/api/referrals";
        Http.Exchange sent = untilVerifiedEverywhere(() -> http.send("POST", referrals, bearer(sender, "Content-Type", "application/json"),
                Json.write(referral)));
        assertThat(sent.status()).as(sent.describe()).isEqualTo(201);
        String referralId = Json.read(sent.body()).path("id").asText();
        Http.Exchange accepted = http.send("POST", referrals + "/" + referralId + "/transitions",
                bearer(platform.tokens().user(receiver.caseworker()), "Content-Type", "application/json"),
                Json.write(Json.object().put("action", "accept")));
        assertThat(accepted.status()).as(accepted.describe()).isEqualTo(200);
        assertThat(anonymousCatalog()).as("the public catalog, before and after one referral").isEqualTo(catalogBefore);
        caused.put(referralId + " org.mitra.referral.requested.v1", "the referral sent");
        caused.put(referralId + " org.mitra.referral.accepted.v1", "the referral accepted");

        // A campaign drafted (no event) and launched by darkbali's admin: campaign.changed.
        String campaigns = platform.url(PlatformService.AWARENESS) + "/api/awareness/campaigns";
        JsonNode model = KnownValues.items(http.get(campaigns + "?size=100", Map.of("Accept", "application/json")))
                .stream().findFirst().orElseThrow(() -> new IllegalStateException("No public campaign to model one on"));
        JsonNode full = Json.read(http.get(campaigns + "/" + model.path("id").asText(), Map.of("Accept", "application/json")).body());
        ObjectNode draft = Json.object().put("slug", "events-" + UUID.randomUUID().toString().substring(0, 8));
        for (String member : List.of("categoryCode", "content", "audiences", "regions", "goals", "pledgeOptions")) {
            if (full.hasNonNull(member)) {
                draft.set(member, full.get(member).deepCopy());
            }
        }
        LocalDate start = LocalDate.now();
        draft.put("startDate", start.toString()).put("endDate", start.plusDays(90).toString());
        String orgAdmin = platform.tokens().user(DemoOrganization.DARKBALI.admin());
        Http.Exchange drafted = untilVerifiedEverywhere(() -> http.send("POST", campaigns, bearer(orgAdmin, "Content-Type",
                "application/json"), Json.write(draft)));
        assertThat(drafted.status()).as(drafted.describe()).isEqualTo(201);
        String campaign = Json.read(drafted.body()).path("id").asText();
        Http.Exchange launched = http.send("POST", campaigns + "/" + campaign + "/transitions",
                bearer(orgAdmin, "Content-Type", "application/json"), Json.write(Json.object().put("action", "LAUNCH")));
        assertThat(launched.status()).as(launched.describe()).isEqualTo(200);
        caused.put(campaign + " org.mitra.campaign.changed.v1", "the campaign launched");
        return caused;
    }

    /** A record's key, headers and value as text. */
    private static String text(ConsumerRecord<byte[], byte[]> record) {
        StringBuilder text = new StringBuilder(record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8));
        for (Header header : record.headers()) {
            text.append('\n').append(header.key()).append('=')
                    .append(header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
        }
        return text.append('\n').append(record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8)).toString();
    }

    /** The gateway's feed catalog as an anonymous caller reads it, per representation. */
    private static Map<String, String> anonymousCatalog() {
        Map<String, String> bodies = new LinkedHashMap<>();
        for (String accept : List.of("application/json", "application/ld+json")) {
            Http.Exchange catalog = platform.http().get(platform.url(PlatformService.GATEWAY) + "/api/feeds", Map.of("Accept", accept));
            assertThat(catalog.status()).as(catalog.describe()).isEqualTo(200);
            bodies.put(accept, catalog.body());
        }
        return bodies;
    }

    /** The organization VERIFIED in the directory, with a coalition admin's decision when it is not. */
    private static void verify(String organizationUrl, String admin) {
        Http http = platform.http();
        Http.Exchange current = http.get(organizationUrl, bearer(admin, "Accept", "application/json"));
        assertThat(current.status()).as(current.describe()).isEqualTo(200);
        if ("VERIFIED".equals(Json.read(current.body()).path("status").asText())) {
            return;
        }
        String etag = current.header("ETag").orElseThrow(() -> new IllegalStateException("No ETag: " + current.describe()));
        Http.Exchange verified = http.send("PUT", organizationUrl + "/verification", bearer(admin, "Content-Type",
                "application/json", "If-Match", etag), Json.write(Json.object().put("status", "VERIFIED")
                .put("reason", "system tests: the event contract needs its demo organizations verified")));
        assertThat(verified.status()).as(verified.describe()).isEqualTo(200);
    }

    /**
     * The request, sent again while the service still answers 403 organization-not-verified: a verification reaches the
     * other services' copies of the directory through Kafka within seconds.
     */
    private static Http.Exchange untilVerifiedEverywhere(java.util.function.Supplier<Http.Exchange> request) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Http.Exchange response = request.get();
        while (response.status() == 403 && response.body().contains("organization-not-verified") && System.nanoTime() < deadline) {
            sleep(500);
            response = request.get();
        }
        return response;
    }

    private static Map<String, String> bearer(String token, String... more) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + token);
        for (int i = 0; i + 1 < more.length; i += 2) {
            headers.put(more[i], more[i + 1]);
        }
        return headers;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
