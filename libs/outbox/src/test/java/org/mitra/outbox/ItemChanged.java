package org.mitra.outbox;

import org.mitra.events.EventData;

/** Test payload: the n-th change of an item. */
public record ItemChanged(String itemKey, int sequence) implements EventData {
    public static final String TYPE = "org.mitra.test-item.changed.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String eventSubject() {
        return itemKey;
    }
}
