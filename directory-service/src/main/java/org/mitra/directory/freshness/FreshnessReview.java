package org.mitra.directory.freshness;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mitra.directory.organization.Organization;
import org.mitra.directory.services.Service;
import org.mitra.web.paging.Page;
import org.mitra.web.paging.PageRequest;

/**
 * What the coalition should chase: the active services of verified organizations (those search and matching show)
 * that are at least as bad as a status, by organization. Pending and suspended organizations are in no search, so
 * their entries are not listed here.
 */
@ApplicationScoped
public class FreshnessReview {
    @Inject
    EntityManager entityManager;

    @Inject
    FreshnessRules rules;

    Clock clock = Clock.systemUTC();

    /** Organizations by name, each with its services that are {@code atLeast} DUE, OVERDUE or STALE. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Page<OrganizationFreshness> atLeast(FreshnessStatus atLeast, PageRequest page) {
        FreshnessRules.Cutoffs cutoffs = rules.cutoffs(clock.instant());
        Map<String, Object> parameters = new LinkedHashMap<>();
        String matching = switch (atLeast) {
            case FRESH -> throw new IllegalArgumentException("FRESH is no status to chase");
            case DUE -> {
                parameters.put("overdueBefore", java.sql.Timestamp.from(cutoffs.detailsOverdueBefore()));
                parameters.put("capacityDueBefore", java.sql.Timestamp.from(cutoffs.capacityDueBefore()));
                // A capacity counts only when reported (a status or a maximum), as the service's view shows it.
                yield "(s.details_confirmed_at < :overdueBefore OR (s.capacity_updated_at < :capacityDueBefore"
                        + " AND (s.capacity_status IS NOT NULL OR s.capacity_maximum IS NOT NULL)))";
            }
            case OVERDUE -> {
                parameters.put("overdueBefore", java.sql.Timestamp.from(cutoffs.detailsOverdueBefore()));
                yield "s.details_confirmed_at < :overdueBefore";
            }
            case STALE -> {
                parameters.put("staleBefore", java.sql.Timestamp.from(cutoffs.detailsStaleBefore()));
                yield "s.details_confirmed_at < :staleBefore";
            }
        };
        String services = "FROM service s WHERE s.status = 'ACTIVE' AND " + matching;
        String organizations = "FROM organization o WHERE o.status = 'VERIFIED' AND EXISTS (SELECT 1 " + services
                + " AND s.organization_id = o.id)";
        long total = ((Number) bind(entityManager.createNativeQuery("SELECT count(*) " + organizations), parameters)
                .getSingleResult()).longValue();
        if (total == 0 || page.offset() >= total) {
            return Page.of(List.of(), page, total);
        }
        @SuppressWarnings("unchecked")
        List<UUID> organizationIds = bind(entityManager.createNativeQuery("SELECT o.id " + organizations
                + " ORDER BY o.name, o.id", UUID.class), parameters)
                .setFirstResult((int) page.offset()).setMaxResults(page.size()).getResultList();
        Map<String, Object> ofPage = new LinkedHashMap<>(parameters);
        ofPage.put("organizations", organizationIds);
        @SuppressWarnings("unchecked")
        List<UUID> serviceIds = bind(entityManager.createNativeQuery("SELECT s.id " + services
                + " AND s.organization_id IN (:organizations) ORDER BY s.details_confirmed_at, s.id", UUID.class), ofPage)
                .getResultList();
        Map<UUID, Service> loaded = new LinkedHashMap<>();
        if (!serviceIds.isEmpty()) {
            Service.<Service>list("id in ?1", serviceIds).forEach(service -> loaded.put(service.id, service));
        }
        Map<UUID, List<OrganizationFreshness.ServiceFreshness>> byOrganization = new LinkedHashMap<>();
        Map<UUID, String> names = new LinkedHashMap<>();
        for (UUID id : serviceIds) {
            Service service = loaded.get(id);
            if (service == null) {
                continue;
            }
            names.put(service.organization.id, service.organization.name);
            byOrganization.computeIfAbsent(service.organization.id, organization -> new ArrayList<>())
                    .add(new OrganizationFreshness.ServiceFreshness(service.id, service.name, service.category.code,
                            rules.of(service, cutoffs)));
        }
        List<OrganizationFreshness> items = new ArrayList<>();
        for (UUID organization : organizationIds) {
            List<OrganizationFreshness.ServiceFreshness> listed = byOrganization.getOrDefault(organization, List.of());
            FreshnessStatus worst = listed.stream().map(service -> service.freshness().status())
                    .max(Comparator.naturalOrder()).orElse(atLeast);
            String name = names.containsKey(organization) ? names.get(organization)
                    : Organization.<Organization>findByIdOptional(organization).map(found -> found.name).orElse(null);
            items.add(new OrganizationFreshness(organization, name, worst, listed));
        }
        return Page.of(items, page, total);
    }

    private static Query bind(Query query, Map<String, Object> parameters) {
        parameters.forEach(query::setParameter);
        return query;
    }
}
