package org.mitra.referral.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mitra.referral.ReferralFixtures.create;
import static org.mitra.referral.ReferralFixtures.organization;
import static org.mitra.referral.ReferralFixtures.organizationChanged;
import static org.mitra.referral.ReferralFixtures.request;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.mitra.events.CloudEvent;
import org.mitra.events.EventSources;
import org.mitra.events.Topic;
import org.mitra.events.directory.OrganizationChanged;
import org.mitra.events.directory.OrganizationStatus;
import org.mitra.testkit.KafkaTopics;
import org.mitra.testkit.Tokens;

/** Records that can never be applied go to the dead letters; the directory consumer never stops on them. */
@QuarkusTest
class DirectoryConsumerPoisonTest {
    private static final String SHELTER = "shelter-and-safe-housing";

    /** Everything logged while a test runs, formatted as a log file would show it (stack traces included). */
    static final class CapturedLog extends Handler implements AutoCloseable {
        private final List<String> lines = new CopyOnWriteArrayList<>();
        private final SimpleFormatter formatter = new SimpleFormatter();

        CapturedLog() {
            Logger.getLogger("").addHandler(this);
        }

        @Override
        public void publish(LogRecord record) {
            lines.add(formatter.format(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            Logger.getLogger("").removeHandler(this);
        }

        String text() {
            return String.join("\n", lines);
        }
    }

    @Test
    void poisonRecordsGoToTheDeadLettersAndTheValidOrganizationBehindThemIsApplied() {
        UUID id = UUID.randomUUID();
        String key = id.toString();
        String marker = "poison-" + UUID.randomUUID();
        try (CapturedLog log = new CapturedLog()) {
            KafkaTopics.sendRaw(Topic.DIRECTORY_ORGANIZATIONS, key, "this is no JSON at all " + marker);
            KafkaTopics.sendRaw(Topic.DIRECTORY_ORGANIZATIONS, key, "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID()
                    + "\",\"source\":\"/mitra/directory-service\",\"type\":\"" + OrganizationChanged.TYPE
                    + "\",\"subject\":\"" + id + "\",\"data\":{\"id\":\"not-a-uuid-" + marker + "\",\"status\":\"VERIFIED\","
                    + "\"name\":\"" + marker + "\"}}");
            OrganizationChanged valid = organizationChanged(id, OrganizationStatus.VERIFIED, true, List.of("51"), 5, SHELTER);
            KafkaTopics.send(Topic.DIRECTORY_ORGANIZATIONS, CloudEvent.of(EventSources.DIRECTORY, valid));

            // Same key, same partition: the valid event is only reached past both poison records.
            await("the organization behind the poison", () -> QuarkusTransaction.requiringNew().call(() -> readModel()
                    .organization(id).map(DirectoryOrganization::isVerified).orElse(false)));
            UUID sender = organization(false);
            Map<String, Object> body = request(id, SHELTER);
            body.remove("identity");
            body.remove("note");
            create(Tokens.caseworker(sender), body).statusCode(201);

            // Two consumers follow the topic (the read model and the webhooks, each in its own group): each moves both
            // poison records, and neither stops on them.
            List<ConsumerRecord<String, String>> dead = KafkaTopics.readUntil(Topic.DEAD_LETTERS, key,
                    records -> records.size() >= 4, Duration.ofSeconds(20));
            assertThat(dead).hasSize(4);
            assertThat(dead).extracting(record -> new String(record.headers().lastHeader("dead-letter-reason").value(),
                    StandardCharsets.UTF_8).replaceFirst(":.*", ""))
                    .containsExactlyInAnyOrder("referral-directory", "referral-directory", "referral-webhooks", "referral-webhooks");
            assertThat(dead).allSatisfy(record -> {
                assertThat(record.headers().lastHeader("dead-letter-reason")).isNotNull();
                assertThat(new String(record.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                        .doesNotContain(marker);
                assertThat(record.value()).contains(marker);
            });
            assertThat(log.text()).contains("referral-directory").doesNotContain(marker);
        }
    }

    private static DirectoryReadModel readModel() {
        return Arc.container().instance(DirectoryReadModel.class).get();
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("Timed out waiting for " + what);
    }
}
