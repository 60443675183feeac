package org.mitra.directory.services;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The order of a search or an HSDS page (active services by name, then id) comes from an index, so a page reads its
 * offset and size rows in order; without it every matching service was sorted for each page (all 100,000 for an
 * unfiltered HSDS page).
 */
@QuarkusTest
class SearchPlanTest {
    @Inject
    EntityManager entityManager;

    @Test
    void aPageOfServicesIsReadInIndexOrderWithoutSorting() {
        String plan = QuarkusTransaction.requiringNew().call(() -> {
            // Sorting made as costly as the planner allows, so the plan sorts only if no index gives the order.
            entityManager.createNativeQuery("SELECT set_config('enable_sort', 'off', true)").getSingleResult();
            @SuppressWarnings("unchecked")
            List<Object> lines = entityManager.createNativeQuery("""
                    EXPLAIN SELECT s.id FROM service s JOIN organization o ON o.id = s.organization_id
                    WHERE o.status = 'VERIFIED' AND s.status = 'ACTIVE' ORDER BY s.name, s.id OFFSET 450 LIMIT 50""")
                    .getResultList();
            return lines.stream().map(String::valueOf).collect(Collectors.joining("\n"));
        });

        assertThat(plan).contains("service_public_order").doesNotContain("Sort");
    }

    /** The search ranked by freshness reads each group (fresh, overdue, stale) in the same index order, still without sorting. */
    @Test
    void aGroupOfTheFreshnessRankingIsReadInIndexOrderWithoutSorting() {
        for (String group : List.of("s.details_confirmed_at >= now() - interval '6 months'",
                "s.details_confirmed_at < now() - interval '6 months' AND s.details_confirmed_at >= now() - interval '12 months'",
                "s.details_confirmed_at < now() - interval '12 months'")) {
            String plan = QuarkusTransaction.requiringNew().call(() -> {
                entityManager.createNativeQuery("SELECT set_config('enable_sort', 'off', true)").getSingleResult();
                @SuppressWarnings("unchecked")
                List<Object> lines = entityManager.createNativeQuery("""
                        EXPLAIN SELECT s.id FROM service s JOIN organization o ON o.id = s.organization_id
                        WHERE o.status = 'VERIFIED' AND s.status = 'ACTIVE' AND %s ORDER BY s.name, s.id OFFSET 450 LIMIT 50"""
                        .formatted(group)).getResultList();
                return lines.stream().map(String::valueOf).collect(Collectors.joining("\n"));
            });
            assertThat(plan).as(group).contains("service_public_order").doesNotContain("Sort");
        }
    }
}
