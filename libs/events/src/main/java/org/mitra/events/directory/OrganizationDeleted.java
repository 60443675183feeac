package org.mitra.events.directory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;
import org.mitra.events.EventData;
import org.mitra.events.EventTypes;

/**
 * An organization was removed from the directory (a suspension is an {@link OrganizationChanged}).
 *
 * <p>Tombstone convention on the compacted topic: the directory publishes this event, then a
 * Kafka tombstone (same key, null value) so compaction eventually forgets the organization. A
 * consumer deletes its copy on this event and skips records whose value is null; one that reads
 * from scratch after compaction simply never sees the organization.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrganizationDeleted(UUID id, Instant occurredAt) implements EventData {

    public static final String TYPE = EventTypes.of("organization", "deleted", 1);

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String eventSubject() {
        return id.toString();
    }
}
