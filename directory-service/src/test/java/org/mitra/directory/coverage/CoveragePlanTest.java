package org.mitra.directory.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mitra.directory.DirectoryFixtures;

/**
 * The supply query's plan, not its speed: the planner must know how many regions a coverage request spans. When the
 * region's path was joined from its row ({@code region r, target t WHERE r.path LIKE t.path || '.%' ...}), it guessed 6
 * of the country's 511 regions and probed the service and organization indexes once per service (100,000 times at
 * national scale).
 */
@QuarkusTest
class CoveragePlanTest {
    @Inject
    EntityManager entityManager;

    @Test
    void thePlannerSeesEveryRegionOfTheCountry() throws Exception {
        DirectoryFixtures.province(12);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("ANALYZE region").executeUpdate());
        long regions = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM region WHERE path = 'ID' OR path LIKE 'ID.%'").getSingleResult())
                .longValue());

        String plan = QuarkusTransaction.requiringNew().call(() -> String.valueOf(entityManager
                .createNativeQuery("EXPLAIN (FORMAT JSON) " + Coverage.MATCHING_REGIONS)
                .setParameter("path", "ID").setParameter("below", "ID.%").getSingleResult()));

        JsonNode estimate = new ObjectMapper().readTree(plan).get(0).get("Plan").get("Plan Rows");
        assertThat(estimate.asDouble()).as("estimated regions of the country (%d in the table)", regions)
                .isGreaterThanOrEqualTo(regions / 2.0);
    }

    /** The demand query read the region asked for by its code and joined the regions below by path: 1 region estimated. */
    @Test
    void theDemandQueryReadsEveryRegionOfTheCountryByPath() throws Exception {
        DirectoryFixtures.province(12);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("ANALYZE region").executeUpdate());
        long regions = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM region WHERE path = 'ID' OR path LIKE 'ID.%'").getSingleResult())
                .longValue());

        String plan = QuarkusTransaction.requiringNew().call(() -> String.valueOf(entityManager
                .createNativeQuery("EXPLAIN (FORMAT JSON) " + Coverage.DEMAND)
                .setParameter("path", "ID").setParameter("below", "ID.%")
                .setParameter("since", java.sql.Timestamp.from(java.time.Instant.parse("2026-01-01T00:00:00Z")))
                .getSingleResult()));

        List<JsonNode> regionScans = new ArrayList<>();
        collectScansOf("region", new ObjectMapper().readTree(plan).get(0).get("Plan"), regionScans);
        assertThat(regionScans).isNotEmpty();
        for (JsonNode scan : regionScans) {
            assertThat(scan.get("Plan Rows").asDouble()).as("estimated regions of the country (%d in the table): %s", regions, scan)
                    .isGreaterThanOrEqualTo(regions / 2.0);
        }
    }

    private static void collectScansOf(String relation, JsonNode node, List<JsonNode> scans) {
        if (relation.equals(node.path("Relation Name").asText())) {
            scans.add(node);
        }
        node.path("Plans").forEach(child -> collectScansOf(relation, child, scans));
    }
}
