package org.mitra.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Consumer;
import org.mitra.events.CloudEvent;
import org.mitra.events.EventJson;
import org.mitra.events.directory.OrganizationChanged;
import org.mitra.events.directory.OrganizationDeleted;

/**
 * What one record of {@code mitra.directory.organizations} does to a service's read model of the directory, for every
 * service that keeps one: a change or a deletion is applied, any other type is passed over, and a record without the
 * fields a read model needs does not fit its type, so it is poison (see {@link EventConsumption}).
 */
public final class DirectoryRecords {
    private DirectoryRecords() {
    }

    /**
     * The effect for {@link EventConsumption#apply}: {@code consumption.apply(consumer, value, event ->
     * DirectoryRecords.effect(event, readModel::apply, readModel::apply))}; null for a type the read model ignores.
     */
    public static Runnable effect(CloudEvent<JsonNode> event, Consumer<OrganizationChanged> changed,
            Consumer<OrganizationDeleted> deleted) {
        if (OrganizationChanged.TYPE.equals(event.type())) {
            OrganizationChanged change = EventJson.data(event, OrganizationChanged.class);
            requireComplete(change != null && change.id() != null && change.status() != null);
            return () -> changed.accept(change);
        }
        if (OrganizationDeleted.TYPE.equals(event.type())) {
            OrganizationDeleted deletion = EventJson.data(event, OrganizationDeleted.class);
            requireComplete(deletion != null && deletion.id() != null);
            return () -> deleted.accept(deletion);
        }
        return null;
    }

    private static void requireComplete(boolean complete) {
        if (!complete) {
            throw new IllegalArgumentException("incomplete event data");
        }
    }
}
