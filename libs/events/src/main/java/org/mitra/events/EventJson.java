package org.mitra.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Writes and reads the structured-mode JSON envelope that is a Kafka record's value. Times are
 * ISO-8601 UTC strings; unknown fields are ignored; absent values are left out.
 */
public final class EventJson {
    /** Kafka header naming the value's format (structured mode). */
    public static final String CONTENT_TYPE_HEADER = "content-type";
    public static final String CONTENT_TYPE = "application/cloudevents+json";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            // A value added to an enum within v1 must not stop an older consumer.
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .build();

    private EventJson() {
    }

    /** The mapper used for envelopes and payloads; do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(CloudEvent<?> event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write event " + event.id(), e);
        }
    }

    public static byte[] writeBytes(CloudEvent<?> event) {
        return write(event).getBytes(StandardCharsets.UTF_8);
    }

    /** Reads an envelope, leaving {@code data} as JSON to be read once {@code type} is known. */
    public static CloudEvent<JsonNode> read(String json) {
        return read(json, JsonNode.class);
    }

    /**
     * The envelope of a Kafka record's value, or empty for a tombstone (null) or a value that is no
     * CloudEvent: such a record can never succeed, so a consumer skips it instead of stopping.
     */
    public static Optional<CloudEvent<JsonNode>> readIfEvent(String json) {
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(read(json));
        } catch (RuntimeException notAnEvent) {
            return Optional.empty();
        }
    }

    public static CloudEvent<JsonNode> read(byte[] json) {
        return read(new String(json, StandardCharsets.UTF_8));
    }

    /** Reads an envelope whose data is known to be of the given payload type. */
    public static <D> CloudEvent<D> read(String json, Class<D> dataType) {
        JavaType envelope = MAPPER.getTypeFactory().constructParametricType(CloudEvent.class, dataType);
        try {
            return MAPPER.readValue(json, envelope);
        } catch (IOException e) {
            throw new UncheckedIOException("Not a CloudEvents JSON envelope", e);
        }
    }

    /** Reads an event's data as a payload record, e.g. {@code data(event, ReferralStatusChanged.class)}. */
    public static <D> D data(CloudEvent<?> event, Class<D> dataType) {
        try {
            return event.data() == null ? null : MAPPER.convertValue(event.data(), dataType);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Data of event " + event.id() + " is not a " + dataType.getSimpleName(), e);
        }
    }
}
