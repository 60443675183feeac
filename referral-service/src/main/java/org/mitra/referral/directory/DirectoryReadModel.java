package org.mitra.referral.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.mitra.events.Slice;
import org.mitra.events.directory.OrganizationChanged;
import org.mitra.events.directory.OrganizationDeleted;

/**
 * The local copy of the directory: each organization's latest public state. Receivers are checked
 * and matched against it, so a referral never waits on the directory being up.
 */
@ApplicationScoped
public class DirectoryReadModel {
    /**
     * The slice of each category read so far. Categories are only ever added ({@link #learnCategory}), never changed or
     * removed, so a slice once read from a committed row stays true; an unknown code is asked again every time.
     */
    private final Map<String, Slice> slices = new ConcurrentHashMap<>();

    /** Milliseconds (libs/web's {@link org.mitra.web.Clocks}). */
    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(OrganizationChanged change) {
        if (change.id() == null || change.status() == null) {
            return;
        }
        DirectoryOrganization organization = DirectoryOrganization.findById(change.id());
        if (organization == null) {
            organization = new DirectoryOrganization();
            organization.id = change.id();
        } else if (change.occurredAt() != null && change.occurredAt().isBefore(organization.occurredAt)) {
            return;
        }
        organization.name = change.name() == null ? change.slug() : change.name();
        organization.status = change.status();
        organization.worksWithLawEnforcement = change.worksWithLawEnforcement();
        organization.occurredAt = change.occurredAt() == null ? clock.instant() : change.occurredAt();
        organization.receivedAt = clock.instant();
        replace(organization.regions, change.regionCodes());
        replace(organization.languages, change.languages());
        Map<UUID, DirectoryService> existing = new HashMap<>();
        organization.services.forEach(service -> existing.put(service.id, service));
        Set<UUID> published = new HashSet<>();
        for (OrganizationChanged.Service offered : change.services()) {
            if (offered.id() == null || offered.categoryCode() == null) {
                continue;
            }
            published.add(offered.id());
            DirectoryService service = existing.get(offered.id());
            if (service == null) {
                service = new DirectoryService();
                service.id = offered.id();
                service.organization = organization;
                organization.services.add(service);
            }
            copy(offered, service);
            learnCategory(offered.categoryCode(), offered.slice());
        }
        organization.services.removeIf(service -> !published.contains(service.id));
        if (!organization.isPersistent()) {
            organization.persist();
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(OrganizationDeleted deletion) {
        if (deletion.id() != null) {
            DirectoryOrganization.<DirectoryOrganization>findByIdOptional(deletion.id()).ifPresent(DirectoryOrganization::delete);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<DirectoryOrganization> organization(UUID id) {
        return DirectoryOrganization.findByIdOptional(id);
    }

    /** The organization with its services in one query (a new referral's receiver is checked against what it offers). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<DirectoryOrganization> organizationWithServices(UUID id) {
        return DirectoryOrganization.<DirectoryOrganization>find(
                "select o from DirectoryOrganization o left join fetch o.services where o.id = ?1", id).singleResultOptional();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Slice> sliceOf(String categoryCode) {
        Slice known = categoryCode == null ? null : slices.get(categoryCode);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Slice> slice = Category.<Category>findByIdOptional(categoryCode).map(category -> category.slice);
        slice.ifPresent(found -> slices.put(categoryCode, found));
        return slice;
    }

    private static void copy(OrganizationChanged.Service from, DirectoryService to) {
        to.name = from.name();
        to.slice = from.slice();
        to.categoryCode = from.categoryCode();
        replace(to.regions, from.regionCodes());
        OrganizationChanged.Capacity capacity = from.capacity();
        to.capacityUnit = capacity == null ? null : capacity.unit();
        to.capacityMaximum = capacity == null ? null : capacity.maximum();
        to.capacityAvailable = capacity == null ? null : capacity.available();
        to.capacityStatus = capacity == null ? null : capacity.status();
        to.capacityUpdated = capacity == null ? null : capacity.updated();
        to.detailsConfirmedAt = from.detailsConfirmedAt();
    }

    private static void learnCategory(String code, Slice slice) {
        if (slice != null && Category.findById(code) == null) {
            Category category = new Category();
            category.code = code;
            category.slice = slice;
            category.persist();
        }
    }

    private static void replace(Set<String> target, List<String> values) {
        Set<String> wanted = new LinkedHashSet<>(values);
        target.retainAll(wanted);
        target.addAll(wanted);
    }
}
