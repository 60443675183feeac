package org.mitra.directory.services;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.mitra.directory.freshness.FreshnessRules;
import org.mitra.directory.region.Region;
import org.mitra.directory.version.DirectoryVersion;
import org.mitra.directory.version.VersionedCache;

/**
 * Searches the public directory in PostgreSQL: verified organizations' active services, filtered by
 * indexed predicates, full-text search over names and descriptions, in a stable order: by name and id, or, when ranked by
 * freshness, first the services whose details are neither overdue nor stale, then the overdue, then the stale ones, each
 * group by name and id (a query per group the page reaches, each read in the index's order).
 *
 * <p>A page's ids and the total are kept per query and page for the directory's version ({@link DirectoryVersion}),
 * or for its membership when the search asks nothing of capacity (so a capacity report does not make every search count
 * again): the same search again reads the version, then only the page's services. What is kept is the same for every caller
 * (public matches only, never a confidential location or an inactive service).
 */
@ApplicationScoped
public class ServiceSearch {
    @Inject
    EntityManager entityManager;

    @Inject
    DirectoryVersion version;

    private final VersionedCache<Key, Found> pages = new VersionedCache<>(2_000);

    /** Pages already mapped to a public view, by the view's name: a repeated search then loads no service at all. */
    private final VersionedCache<ViewKey, Shown> views = new VersionedCache<>(500);

    /** A page as shown, and the rows it shows (its services and their organizations). */
    private record Shown(Viewed<?> viewed, Set<UUID> rows) {
    }

    public record Result(List<Service> services, long total) {
    }

    /** A normalized search: the filters, the region's path, the freshness it is ranked by (null: by name) and the page. */
    private record Key(ServiceQuery query, String regionPath, FreshnessRules.Cutoffs ranking, int offset, int limit) {
    }

    /** A page's service ids in order, and how many services match in all. */
    private record Found(List<UUID> ids, long total) {
    }

    private record ViewKey(String view, Key page) {
    }

    /** A page of services in a view that is the same for every caller, and how many services match in all. */
    public record Viewed<V>(List<V> items, long total) {
    }

    /**
     * One page of matches mapped by {@code view} (a page of services to their views, in order), kept for the directory's version under {@code viewName}. The view must
     * be public (the same for every caller: never confidential locations, never what only some callers see) and built
     * from directory tables only, and one name must always mean one mapping.
     */
    public <V> Viewed<V> search(ServiceQuery query, Region region, int offset, int limit, String viewName,
            Function<List<Service>, List<V>> view) {
        return search(query, region, null, offset, limit, viewName, view);
    }

    /**
     * As {@link #search(ServiceQuery, Region, int, int, String, Function)}, ranked by freshness at {@code ranking}'s time
     * when given. Freshness changes with time alone, so the time is part of what is kept: a caller passes a time that
     * moves in steps (the search's hour), or every search is computed anew.
     */
    @SuppressWarnings("unchecked")
    public <V> Viewed<V> search(ServiceQuery query, Region region, FreshnessRules.Cutoffs ranking, int offset, int limit,
            String viewName, Function<List<Service>, List<V>> view) {
        Optional<DirectoryVersion.Stamp> stamp = version.read();
        Key page = new Key(query, region == null ? null : region.path, ranking, offset, limit);
        // A page whose matches do not depend on capacity is still right after changes that touched none of its rows
        // (one service's capacity report recomputes the pages that show that service, not every page).
        VersionedCache.StillRight<Shown> stillRight = capacityMatters(query) ? null
                : (shown, keptAt, wanted) -> version.untouched(keptAt, wanted, shown.rows());
        return (Viewed<V>) views.get(stamp, new ViewKey(viewName, page), () -> {
            Result result = search(query, region, ranking, offset, limit, stamp);
            Set<UUID> rows = new HashSet<>();
            result.services().forEach(service -> {
                rows.add(service.id);
                rows.add(service.organization.id);
            });
            return new Shown(new Viewed<>(List.copyOf(view.apply(result.services())), result.total()), Set.copyOf(rows));
        }, stillRight).viewed();
    }

    /** Which services match, and in which order, changes with capacity only when the search asks for it. */
    private static boolean capacityMatters(ServiceQuery query) {
        return query.available() || query.modifiedAfter() != null;
    }

    /** One page of matches; {@code region} must be a known region (the caller checks). */
    public Result search(ServiceQuery query, Region region, int offset, int limit) {
        return search(query, region, offset, limit, version.read());
    }

    /** One page of matches at a version this transaction has read already. */
    public Result search(ServiceQuery query, Region region, int offset, int limit, Optional<DirectoryVersion.Stamp> stamp) {
        return search(query, region, null, offset, limit, stamp);
    }

    // The freshness ranking reads details_confirmed_at only, a change of membership (V14): capacity still matters to
    // no search that does not ask for it.
    private Result search(ServiceQuery query, Region region, FreshnessRules.Cutoffs ranking, int offset, int limit,
            Optional<DirectoryVersion.Stamp> stamp) {
        Found found = pages.get(capacityMatters(query) ? stamp : stamp.map(DirectoryVersion.Stamp::membershipOnly),
                new Key(query, region == null ? null : region.path, ranking, offset, limit),
                () -> find(query, region, ranking, offset, limit));
        if (found.ids().isEmpty()) {
            return new Result(List.of(), found.total());
        }
        Map<UUID, Service> byId = new HashMap<>();
        Service.<Service>list("id in ?1", found.ids()).forEach(service -> byId.put(service.id, service));
        // A page kept from a newer snapshot than this transaction's may name a service it cannot see yet.
        return new Result(found.ids().stream().map(byId::get).filter(Objects::nonNull).toList(), found.total());
    }

    private Found find(ServiceQuery query, Region region, FreshnessRules.Cutoffs ranking, int offset, int limit) {
        StringBuilder where = new StringBuilder("""
                FROM service s JOIN organization o ON o.id = s.organization_id
                WHERE o.status = 'VERIFIED' AND s.status = 'ACTIVE'""");
        Map<String, Object> parameters = new HashMap<>();
        if (query.slice() != null) {
            where.append(" AND s.slice = :slice");
            parameters.put("slice", query.slice().name());
        }
        if (query.category() != null) {
            where.append(" AND s.category_id = (SELECT t.id FROM taxonomy_term t WHERE t.code = :category)");
            parameters.put("category", query.category());
        }
        if (region != null) {
            // The region itself, its sub-regions, and the regions enclosing it (a province-wide service serves each regency).
            where.append("""
                     AND EXISTS (SELECT 1 FROM service_region sr JOIN region r ON r.code = sr.region_code
                                 WHERE sr.service_id = s.id
                                   AND (r.path = :path OR r.path LIKE :below OR :path LIKE r.path || '.%'))""");
            parameters.put("path", region.path);
            parameters.put("below", region.path + ".%");
        }
        if (query.language() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM service_language l WHERE l.service_id = s.id AND l.language = :language)");
            parameters.put("language", query.language());
        }
        if (query.gender() != null) {
            where.append("""
                     AND (NOT EXISTS (SELECT 1 FROM service_gender g WHERE g.service_id = s.id)
                          OR EXISTS (SELECT 1 FROM service_gender g WHERE g.service_id = s.id AND g.gender = :gender))""");
            parameters.put("gender", query.gender().name());
        }
        if (query.age() != null) {
            where.append(" AND (s.age_min IS NULL OR s.age_min <= :age) AND (s.age_max IS NULL OR s.age_max >= :age)");
            parameters.put("age", query.age());
        }
        if (query.available()) {
            where.append(" AND s.capacity_status = 'CAPACITY' AND (s.capacity_available IS NULL OR s.capacity_available > 0)");
        }
        if (query.organization() != null) {
            where.append(" AND s.organization_id = :organization");
            parameters.put("organization", query.organization());
        }
        if (query.taxonomyTerm() != null) {
            where.append(" AND s.category_id IN (SELECT t.id FROM taxonomy_term t WHERE t.id = :term OR t.parent_id = :term)");
            parameters.put("term", query.taxonomyTerm());
        }
        if (query.modifiedAfter() != null) {
            where.append(" AND s.updated_at > :modifiedAfter");
            parameters.put("modifiedAfter", java.sql.Timestamp.from(query.modifiedAfter()));
        }
        if (query.text() != null) {
            where.append(" AND s.search_text @@ websearch_to_tsquery('simple', :text)");
            parameters.put("text", query.text());
        }
        if (ranking != null) {
            return ranked(where.toString(), parameters, ranking, offset, limit);
        }
        long total = ((Number) bind(entityManager.createNativeQuery("SELECT count(*) " + where), parameters)
                .getSingleResult()).longValue();
        if (total == 0 || offset >= total) {
            return new Found(List.of(), total);
        }
        @SuppressWarnings("unchecked")
        List<UUID> ids = bind(entityManager.createNativeQuery("SELECT s.id " + where + " ORDER BY s.name, s.id", UUID.class),
                parameters).setFirstResult(offset).setMaxResults(limit).getResultList();
        return new Found(List.copyOf(ids), total);
    }

    /** The groups of the freshness ranking, best first: details neither overdue nor stale, overdue, stale. */
    private static final List<String> FRESHNESS_GROUPS = List.of(
            "s.details_confirmed_at >= :overdueBefore",
            "s.details_confirmed_at < :overdueBefore AND s.details_confirmed_at >= :staleBefore",
            "s.details_confirmed_at < :staleBefore");

    private Found ranked(String where, Map<String, Object> parameters, FreshnessRules.Cutoffs ranking, int offset, int limit) {
        Map<String, Object> ranked = new HashMap<>(parameters);
        ranked.put("overdueBefore", java.sql.Timestamp.from(ranking.detailsOverdueBefore()));
        ranked.put("staleBefore", java.sql.Timestamp.from(ranking.detailsStaleBefore()));
        StringBuilder counts = new StringBuilder("SELECT ");
        for (int group = 0; group < FRESHNESS_GROUPS.size(); group++) {
            counts.append(group == 0 ? "" : ", ").append("count(*) FILTER (WHERE ").append(FRESHNESS_GROUPS.get(group)).append(')');
        }
        Object[] row = (Object[]) bind(entityManager.createNativeQuery(counts + " " + where), ranked).getSingleResult();
        List<UUID> ids = new ArrayList<>();
        long groupStart = 0;
        long total = 0;
        for (int group = 0; group < FRESHNESS_GROUPS.size(); group++) {
            long size = ((Number) row[group]).longValue();
            long from = Math.max(offset, groupStart);
            long to = Math.min((long) offset + limit, groupStart + size);
            if (from < to) {
                Map<String, Object> bound = new HashMap<>(parameters);
                if (group > 0) {
                    bound.put("staleBefore", ranked.get("staleBefore"));
                }
                if (group < 2) {
                    bound.put("overdueBefore", ranked.get("overdueBefore"));
                }
                @SuppressWarnings("unchecked")
                List<UUID> found = bind(entityManager.createNativeQuery("SELECT s.id " + where + " AND "
                        + FRESHNESS_GROUPS.get(group) + " ORDER BY s.name, s.id", UUID.class), bound)
                        .setFirstResult((int) (from - groupStart)).setMaxResults((int) (to - from)).getResultList();
                ids.addAll(found);
            }
            groupStart += size;
            total += size;
        }
        return new Found(List.copyOf(ids), total);
    }

    private static Query bind(Query query, Map<String, Object> parameters) {
        parameters.forEach(query::setParameter);
        return query;
    }
}
