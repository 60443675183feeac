package org.mitra.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * A CloudEvents 1.0 event in structured mode: this record, as JSON, is the Kafka record's value.
 *
 * <p>{@code id} is unique per event and is the consumer's dedupe key; {@code subject} is the entity
 * id and equals the Kafka key. Unknown attributes (extensions, newer fields) are ignored on read.
 *
 * @param <D> the {@code data} type: a payload record when writing, usually {@code JsonNode} when reading
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent<D>(
        String specversion,
        UUID id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        D data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        specversion = specversion == null ? SPEC_VERSION : specversion;
        datacontenttype = datacontenttype == null && data != null ? JSON : datacontenttype;
    }

    /** A new event with a fresh id, the current time and {@code subject} = the entity id. */
    public static <D> CloudEvent<D> of(String source, String type, String subject, D data) {
        return new CloudEvent<>(SPEC_VERSION, UUID.randomUUID(), source, type, subject,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), JSON, data);
    }

    /** A new event for a payload that knows its own type and subject. */
    public static <D extends EventData> CloudEvent<D> of(String source, D data) {
        return of(source, data.eventType(), data.eventSubject(), data);
    }

    /** The same event carrying other data, e.g. after reading {@code JsonNode} data as a payload record. */
    public <T> CloudEvent<T> withData(T newData) {
        return new CloudEvent<>(specversion, id, source, type, subject, time, datacontenttype, newData);
    }
}
