package org.mitra.directory.services;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mitra.directory.region.Region;

/**
 * Searches the public directory in PostgreSQL: verified organizations' active services, filtered by
 * indexed predicates, full-text search over names and descriptions, in a stable order.
 */
@ApplicationScoped
public class ServiceSearch {
    @Inject
    EntityManager entityManager;

    public record Result(List<Service> services, long total) {
    }

    /** One page of matches; {@code region} must be a known region (the caller checks). */
    public Result search(ServiceQuery query, Region region, int offset, int limit) {
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
        long total = ((Number) bind(entityManager.createNativeQuery("SELECT count(*) " + where), parameters)
                .getSingleResult()).longValue();
        if (total == 0 || offset >= total) {
            return new Result(List.of(), total);
        }
        @SuppressWarnings("unchecked")
        List<UUID> ids = bind(entityManager.createNativeQuery("SELECT s.id " + where + " ORDER BY s.name, s.id", UUID.class),
                parameters).setFirstResult(offset).setMaxResults(limit).getResultList();
        Map<UUID, Service> byId = new HashMap<>();
        Service.<Service>list("id in ?1", ids).forEach(service -> byId.put(service.id, service));
        return new Result(ids.stream().map(byId::get).toList(), total);
    }

    private static Query bind(Query query, Map<String, Object> parameters) {
        parameters.forEach(query::setParameter);
        return query;
    }
}
