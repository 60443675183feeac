package org.mitra.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A payload record that knows its CloudEvent {@code type} and {@code subject} (the entity id,
 * also the Kafka key). Neither is serialized into {@code data}: both travel in the envelope.
 */
public interface EventData {
    @JsonIgnore
    String eventType();

    @JsonIgnore
    String eventSubject();
}
