package org.mitra.directory.organization;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.mitra.directory.services.Capacity;
import org.mitra.directory.services.Service;
import org.mitra.events.Topic;
import org.mitra.events.directory.OrganizationChanged;
import org.mitra.events.directory.OrganizationStatus;
import org.mitra.outbox.Outbox;

/**
 * Publishes an organization's full public state, services included, after every change to it or
 * to one of its services, in the same transaction as the change. Locations are never in it.
 */
@ApplicationScoped
public class OrganizationEvents {
    @Inject
    Outbox outbox;

    public void publishStateOf(Organization organization) {
        List<Service> services = Service.list("organization.id = ?1 order by createdAt, id", organization.id);
        outbox.publish(Topic.DIRECTORY_ORGANIZATIONS, new OrganizationChanged(
                organization.id,
                organization.slug,
                organization.name,
                organization.status,
                organization.worksWithLawEnforcement,
                List.copyOf(organization.regions),
                List.copyOf(organization.languages),
                services.stream().filter(service -> service.status == Service.Status.ACTIVE).map(OrganizationEvents::service).toList(),
                organization.updatedAt));
    }

    private static OrganizationChanged.Service service(Service service) {
        Capacity reported = service.capacity;
        OrganizationChanged.Capacity capacity = reported == null || reported.status == null && reported.maximum == null
                ? null
                : new OrganizationChanged.Capacity(reported.unit, reported.maximum, reported.available, reported.status,
                        reported.updatedAt);
        return new OrganizationChanged.Service(service.id, service.name, service.slice, service.category.code,
                List.copyOf(service.regions), capacity, service.ageMin, service.ageMax,
                service.genders.stream().map(Enum::name).sorted().toList(), List.copyOf(service.languages),
                service.detailsConfirmedAt);
    }
}
