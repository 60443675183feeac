package org.mitra.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mitra.events.directory.CapacityStatus;
import org.mitra.events.directory.OrganizationChanged;
import org.mitra.events.directory.OrganizationDeleted;
import org.mitra.events.directory.OrganizationStatus;
import org.mitra.events.referral.ReferralStatus;
import org.mitra.events.referral.ReferralStatusChanged;

class CloudEventJsonTest {

    private final OrganizationChanged organization = new OrganizationChanged(
            UUID.randomUUID(), "pondok-gerasa", "Pondok Gerasa", OrganizationStatus.VERIFIED, false,
            List.of("51", "5171"), List.of("id", "en"),
            List.of(new OrganizationChanged.Service(UUID.randomUUID(), "Live-in care", Slice.REHABILITATION,
                    "shelter-and-safe-housing", List.of("51"),
                    new OrganizationChanged.Capacity("beds", 12, 3, CapacityStatus.CAPACITY,
                            Instant.parse("2025-03-01T08:00:00Z")))),
            Instant.parse("2025-03-01T08:00:01.250Z"));

    @Test
    void envelopeRoundTripKeepsEveryAttributeAndTheTypedData() {
        CloudEvent<OrganizationChanged> event = CloudEvent.of(EventSources.DIRECTORY, organization);

        String json = EventJson.write(event);
        CloudEvent<OrganizationChanged> read = EventJson.read(json, OrganizationChanged.class);

        assertThat(read).isEqualTo(event);
        assertThat(read.specversion()).isEqualTo("1.0");
        assertThat(read.type()).isEqualTo("org.mitra.organization.changed.v1");
        assertThat(read.subject()).isEqualTo(organization.id().toString());
        assertThat(read.source()).isEqualTo("/mitra/directory-service");
        assertThat(read.datacontenttype()).isEqualTo("application/json");
    }

    @Test
    void writesTimesAsIsoUtcAndSlicesAsLowerCaseCodes() {
        CloudEvent<OrganizationChanged> event = CloudEvent.of(EventSources.DIRECTORY, organization);

        JsonNode json = EventJson.mapper().valueToTree(event);

        assertThat(json.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
        assertThat(json.get("id").asText()).isEqualTo(event.id().toString());
        assertThat(json.at("/data/occurredAt").asText()).isEqualTo("2025-03-01T08:00:01.250Z");
        assertThat(json.at("/data/services/0/slice").asText()).isEqualTo("rehabilitation");
        assertThat(json.get("data").has("eventType")).as("type travels in the envelope only").isFalse();
        assertThat(json.get("data").has("eventSubject")).isFalse();
    }

    @Test
    void readsDataLaterOnceTheTypeIsKnown() {
        String json = EventJson.write(CloudEvent.of(EventSources.DIRECTORY, organization));

        CloudEvent<JsonNode> envelope = EventJson.read(json);

        assertThat(envelope.type()).isEqualTo(OrganizationChanged.TYPE);
        assertThat(EventJson.data(envelope, OrganizationChanged.class)).isEqualTo(organization);
    }

    @Test
    void aServiceCarriesWhenItsDetailsWereConfirmedAndAnEventWithoutItStillReads() {
        Instant confirmed = Instant.parse("2025-02-14T09:30:00.125Z");
        OrganizationChanged.Service service = new OrganizationChanged.Service(UUID.randomUUID(), "Live-in care",
                Slice.REHABILITATION, "shelter-and-safe-housing", List.of("51"), null, 12, 25, List.of("FEMALE"),
                List.of("id"), confirmed);
        OrganizationChanged changed = new OrganizationChanged(UUID.randomUUID(), "pondok-gerasa", "Pondok Gerasa",
                OrganizationStatus.VERIFIED, false, List.of("51"), List.of("id"), List.of(service), confirmed);

        String json = EventJson.write(CloudEvent.of(EventSources.DIRECTORY, changed));
        assertThat(json).contains("\"detailsConfirmedAt\":\"2025-02-14T09:30:00.125Z\"");
        assertThat(EventJson.read(json, OrganizationChanged.class).data().services().get(0).detailsConfirmedAt())
                .isEqualTo(confirmed);

        // A publisher from before the field: the time reads as null, nothing else moves.
        String older = json.replace(",\"detailsConfirmedAt\":\"2025-02-14T09:30:00.125Z\"", "");
        assertThat(older).doesNotContain("detailsConfirmedAt");
        OrganizationChanged.Service read = EventJson.read(older, OrganizationChanged.class).data().services().get(0);
        assertThat(read.detailsConfirmedAt()).isNull();
        assertThat(read.ageMax()).isEqualTo(25);
    }

    @Test
    void ignoresUnknownAttributesAndFieldsAddedLaterWithinV1() {
        UUID referralId = UUID.randomUUID();
        String fromANewerProducer = """
                {"specversion":"1.0","id":"%s","source":"/mitra/referral-service",
                 "type":"org.mitra.referral.accepted.v1","subject":"%s","time":"2025-03-01T08:00:00Z",
                 "datacontenttype":"application/json","traceparent":"00-abc-def-01","partitionkey":"x",
                 "data":{"referralId":"%s","status":"ACCEPTED","previousStatus":"REQUESTED","categoryCode":"legal-aid",
                         "urgency":"SOMEDAY","slice":"intervention","businessStatus":"POLICE_NOTIFIED",
                         "newNested":{"a":[1,2]}}}
                """.formatted(UUID.randomUUID(), referralId, referralId);

        CloudEvent<ReferralStatusChanged> event = EventJson.read(fromANewerProducer, ReferralStatusChanged.class);

        assertThat(event.data().referralId()).isEqualTo(referralId);
        assertThat(event.data().status()).isEqualTo(ReferralStatus.ACCEPTED);
        assertThat(event.data().categoryCode()).isEqualTo("legal-aid");
        CloudEvent<ReferralStatusChanged> later = EventJson.read(
                fromANewerProducer.replace("\"status\":\"ACCEPTED\"", "\"status\":\"ARCHIVED\""), ReferralStatusChanged.class);
        assertThat(later.data().status()).as("an enum value added later reads as unknown").isNull();
        assertThat(event.time()).isEqualTo(Instant.parse("2025-03-01T08:00:00Z"));
    }

    @Test
    void referralStatusEventsAreTypedByTheirNewStatus() {
        var accepted = new ReferralStatusChanged(UUID.randomUUID(), "legal-aid", "5103", ReferralStatus.IN_PROGRESS, null,
                Instant.now());

        assertThat(CloudEvent.of(EventSources.REFERRAL, accepted).type()).isEqualTo("org.mitra.referral.in-progress.v1");
        assertThat(ReferralStatus.ACCEPTED.eventType()).isEqualTo("org.mitra.referral.accepted.v1");
        assertThat(ReferralStatusChanged.isType("org.mitra.referral.entered-in-error.v1")).isTrue();
        assertThat(ReferralStatusChanged.isType("org.mitra.referral.overdue.v1")).isFalse();
    }

    @Test
    void refusesAnEnvelopeWithoutIdSourceOrType() {
        assertThatThrownBy(() -> EventJson.read("{\"specversion\":\"1.0\",\"source\":\"/x\",\"type\":\"t\"}"))
                .hasMessageContaining("Not a CloudEvents JSON envelope");
    }

    @Test
    void aTombstoneOrAValueThatIsNoCloudEventIsSkippableNotAnError() {
        assertThat(EventJson.readIfEvent(null)).isEmpty();
        assertThat(EventJson.readIfEvent("not json at all")).isEmpty();
        assertThat(EventJson.readIfEvent("[1, 2, 3]")).isEmpty();
        CloudEvent<OrganizationDeleted> deleted = CloudEvent.of(EventSources.DIRECTORY,
                new OrganizationDeleted(UUID.randomUUID(), Instant.now()));
        assertThat(EventJson.readIfEvent(EventJson.write(deleted))).get()
                .extracting(CloudEvent::id).isEqualTo(deleted.id());
    }
}
