package org.mitra.directory.demand;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.mitra.directory.DirectoryFixtures;
import org.mitra.directory.region.Region;
import org.mitra.events.CloudEvent;
import org.mitra.events.EventJson;
import org.mitra.events.EventSources;
import org.mitra.events.Topic;
import org.mitra.events.referral.ReferralConsentWithdrawn;
import org.mitra.events.referral.ReferralOverdue;
import org.mitra.events.referral.ReferralStatus;
import org.mitra.events.referral.ReferralStatusChanged;
import org.mitra.testkit.KafkaTopics;
import org.mitra.testkit.Eventually;
import org.mitra.testkit.Tokens;

@QuarkusTest
class ReferralDemandTest {
    private static final String CATEGORY = "medical-care";
    private static final String DEMAND = "slices.find { it.slice == 'rehabilitation' }.categories.find { it.code == 'medical-care' }.demand";

    private static CloudEvent<ReferralStatusChanged> change(UUID referral, String region, ReferralStatus status,
            ReferralStatus previous, String reason) {
        return CloudEvent.of(EventSources.REFERRAL, new ReferralStatusChanged(referral, CATEGORY, region, status, reason,
                Instant.now()));
    }

    private static void awaitDemand(String region, Predicate<long[]> expected) {
        Eventually.until("the demand figures of " + region, () -> {
            var demand = given().auth().oauth2(Tokens.coalitionAdmin()).queryParam("region", region).get("/api/directory/coverage")
                    .then().statusCode(200).extract().jsonPath();
            return new long[] {demand.getLong(DEMAND + ".requested"), demand.getLong(DEMAND + ".rejectedNoCapacity"),
                demand.getLong(DEMAND + ".overdue")};
        }, expected);
    }

    @Test
    void referralEventsBecomeDemandInTheCoverageMap() {
        Region province = DirectoryFixtures.province(1);
        String regency = province.code + "1";
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        KafkaTopics.send(Topic.REFERRALS_LIFECYCLE, change(first, regency, ReferralStatus.REQUESTED, ReferralStatus.DRAFT, null));
        KafkaTopics.send(Topic.REFERRALS_LIFECYCLE, change(second, regency, ReferralStatus.REQUESTED, ReferralStatus.DRAFT, null));
        KafkaTopics.send(Topic.REFERRALS_LIFECYCLE,
                change(first, regency, ReferralStatus.REJECTED, ReferralStatus.REQUESTED, "NO_CAPACITY"));
        KafkaTopics.send(Topic.REFERRALS_LIFECYCLE, CloudEvent.of(EventSources.REFERRAL, new ReferralOverdue(second,
                CATEGORY, regency, Instant.now().minusSeconds(90_000), Instant.now())));

        awaitDemand(province.code, seen -> seen[0] == 2 && seen[1] == 1 && seen[2] == 1);
    }

    /**
     * An anonymous caller reading the public coverage before and after consent is withdrawn on a closed referral sees
     * nothing move: the directory ignores the event (it is the webhooks' news), and does not dead-letter it either.
     */
    @Test
    void aConsentWithdrawalAfterCloseMovesNoPublicFigure() {
        Region province = DirectoryFixtures.province(1);
        String regency = province.code + "1";
        UUID referral = UUID.randomUUID();
        KafkaTopics.send(Topic.REFERRALS_LIFECYCLE, change(referral, regency, ReferralStatus.REQUESTED, ReferralStatus.DRAFT, null));
        KafkaTopics.send(Topic.REFERRALS_LIFECYCLE, change(referral, regency, ReferralStatus.COMPLETED, ReferralStatus.REQUESTED, null));
        awaitDemand(province.code, seen -> seen[0] == 1);
        String before = given().queryParam("region", province.code).get("/api/directory/coverage").then().statusCode(200)
                .extract().jsonPath().getMap(DEMAND).toString();

        KafkaTopics.send(Topic.REFERRALS_LIFECYCLE, CloudEvent.of(EventSources.REFERRAL,
                new ReferralConsentWithdrawn(referral, Instant.now())));
        List<ConsumerRecord<String, String>> dead = KafkaTopics.readUntil(Topic.DEAD_LETTERS, referral.toString(),
                found -> !found.isEmpty(), Duration.ofSeconds(5));
        String after = given().queryParam("region", province.code).get("/api/directory/coverage").then().statusCode(200)
                .extract().jsonPath().getMap(DEMAND).toString();
        assertThat(after).isEqualTo(before);
        assertThat(dead).isEmpty();
    }

    @Test
    void aRedeliveredEventCountsOnce() {
        Region province = DirectoryFixtures.province(1);
        String regency = province.code + "1";
        UUID referral = UUID.randomUUID();
        CloudEvent<ReferralStatusChanged> requested = change(referral, regency, ReferralStatus.REQUESTED,
                ReferralStatus.DRAFT, null);
        KafkaTopics.send(Topic.REFERRALS_LIFECYCLE, requested);
        awaitDemand(province.code, seen -> seen[0] == 1);
        KafkaTopics.send(Topic.REFERRALS_LIFECYCLE, requested);
        // Same key, so the same partition: once the rejection is counted, the redelivery before it was consumed.
        KafkaTopics.send(Topic.REFERRALS_LIFECYCLE,
                change(referral, regency, ReferralStatus.REJECTED, ReferralStatus.REQUESTED, "NO_CAPACITY"));
        awaitDemand(province.code, seen -> seen[1] == 1);
        long requestedNow = given().auth().oauth2(Tokens.coalitionAdmin()).queryParam("region", province.code).get("/api/directory/coverage")
                .then().extract().jsonPath().getLong(DEMAND + ".requested");
        assertThat(requestedNow).isEqualTo(1);
    }

    @Test
    void poisonRecordsGoToTheDeadLettersAndThePartitionFlowsOn() {
        Region province = DirectoryFixtures.province(1);
        String regency = province.code + "1";
        UUID referral = UUID.randomUUID();
        String marker = "Poison-" + UUID.randomUUID();
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(record.getParameters())
                        + (record.getThrown() != null ? " " + record.getThrown() : ""));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("").addHandler(capture);
        try {
            // Same key as the valid event, so the same partition: the valid event is only reached past the poison.
            KafkaTopics.sendRaw(Topic.REFERRALS_LIFECYCLE, referral.toString(), "not json " + marker);
            CloudEvent<ReferralStatusChanged> valid = change(referral, regency, ReferralStatus.REQUESTED, ReferralStatus.DRAFT, null);
            String wrongData = EventJson.write(valid).replace("\"" + CATEGORY + "\"", "{\"unexpected\":\"" + marker + "\"}")
                    .replace(valid.id().toString(), UUID.randomUUID().toString());
            KafkaTopics.sendRaw(Topic.REFERRALS_LIFECYCLE, referral.toString(), wrongData);
            String incomplete = "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/mitra/referral-service\","
                    + "\"type\":\"org.mitra.referral.requested.v1\",\"data\":{\"note\":\"" + marker + "\"}}";
            KafkaTopics.sendRaw(Topic.REFERRALS_LIFECYCLE, referral.toString(), incomplete);
            KafkaTopics.send(Topic.REFERRALS_LIFECYCLE, valid);

            awaitDemand(province.code, seen -> seen[0] == 1);
            List<ConsumerRecord<String, String>> dead = KafkaTopics.readUntil(Topic.DEAD_LETTERS, referral.toString(),
                    records -> records.size() >= 3, Duration.ofSeconds(20));
            assertThat(dead).hasSize(3);
            assertThat(dead).allSatisfy(record -> {
                assertThat(record.headers().lastHeader("dead-letter-reason")).isNotNull();
                assertThat(new String(record.headers().lastHeader("dead-letter-topic").value(), StandardCharsets.UTF_8))
                        .isEqualTo(Topic.REFERRALS_LIFECYCLE.name());
            });
            assertThat(dead).extracting(ConsumerRecord::value).allSatisfy(value -> assertThat(value).contains(marker));
            assertThat(logged).noneMatch(line -> line.contains(marker));
        } finally {
            Logger.getLogger("").removeHandler(capture);
        }
    }
}
