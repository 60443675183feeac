package org.mitra.directory.coverage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mitra.directory.feed.CoverageFeed;
import org.mitra.directory.feed.CoverageFeed.RegionCategory;
import org.mitra.directory.region.Region;
import org.mitra.feeds.Period;

/**
 * The demand everyone but a coalition admin sees in the coverage pie and the needs: the last complete
 * calendar month (UTC, from a day after its end), as the coverage feed publishes it (suppressed, complemented level by level,
 * rounded), kept as a snapshot taken at most once a day. So a referral made now changes nothing
 * anybody outside the coalition's admins can read, and a late event of the closed month shows at the
 * next daily snapshot, not within seconds.
 */
@ApplicationScoped
public class PublicDemand {
    /** Never refreshed more often than this, whatever the configuration says. */
    static final Duration SHORTEST_REFRESH = Duration.ofDays(1);
    /** A month is shown once a day has passed since it ended. */
    static final Duration LAG = Duration.ofDays(1);

    @Inject
    EntityManager entityManager;

    @Inject
    CoverageFeed feed;

    @Inject
    CoverageConfig config;

    Clock clock = Clock.systemUTC();

    /** One region's published demand: per category code, requested, rejected for lack of capacity and overdue (null: withheld). */
    public record Published(Period period, Instant takenAt, Map<String, PublishedDemand> byCategory) {
        public PublishedDemand of(String category) {
            return byCategory.getOrDefault(category, PublishedDemand.WITHHELD);
        }
    }

    /** The month the public sees now. */
    public Period period() {
        return periodAt(clock.instant());
    }

    /**
     * The month the public sees at {@code instant}: the last complete calendar month (UTC), from the second day
     * after its end on, so that the events of its last hours have arrived before it is first taken.
     */
    public static Period periodAt(Instant instant) {
        Period current = Period.containing(instant.minus(LAG), Period.Granularity.MONTH);
        return Period.containing(current.start().minusSeconds(1), Period.Granularity.MONTH);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Published of(Region region) {
        Period period = period();
        Instant takenAt = takenAt(period);
        Duration refresh = config.publicRefresh().compareTo(SHORTEST_REFRESH) < 0 ? SHORTEST_REFRESH : config.publicRefresh();
        if (takenAt == null || !takenAt.plus(refresh).isAfter(clock.instant())) {
            takenAt = take(period, refresh);
        }
        Map<String, PublishedDemand> byCategory = new HashMap<>();
        for (Tuple row : Coverage.tuples(entityManager.createNativeQuery("""
                SELECT category_code, requested, rejected_no_capacity, overdue FROM coverage_public_demand
                WHERE period = :period AND region_code = :region""", Tuple.class)
                .setParameter("period", period.toString()).setParameter("region", region.code))) {
            byCategory.put(row.get("category_code", String.class), PublishedDemand.published(
                    count(row.get("requested")), count(row.get("rejected_no_capacity")), count(row.get("overdue"))));
        }
        return new Published(period, takenAt, byCategory);
    }

    /** Takes the snapshot of the last complete month now (the daily job; tests). */
    @Transactional
    public void refresh() {
        take(period(), Duration.ZERO);
    }

    /** Takes the month's snapshot unless another request took it within {@code refresh} (one at a time). */
    private Instant take(Period period, Duration refresh) {
        entityManager.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext('coverage_public_demand'))) lock")
                .getSingleResult();
        Instant now = clock.instant();
        Instant taken = takenAt(period);
        if (taken != null && taken.plus(refresh).isAfter(now) && !refresh.isZero()) {
            return taken;
        }
        entityManager.createNativeQuery("DELETE FROM coverage_public_demand WHERE period = :period")
                .setParameter("period", period.toString()).executeUpdate();
        for (Map.Entry<RegionCategory, PublishedDemand> cell : feed.publishedDemand(period).entrySet()) {
            PublishedDemand shown = cell.getValue();
            if (!shown.anyShown()) {
                continue; // a zero and a withheld count read the same: nothing stored
            }
            entityManager.createNativeQuery("""
                    INSERT INTO coverage_public_demand (period, region_code, category_code, requested, rejected_no_capacity, overdue)
                    VALUES (:period, :region, :category, :requested, :rejected, :overdue)""")
                    .setParameter("period", period.toString())
                    .setParameter("region", cell.getKey().region())
                    .setParameter("category", cell.getKey().category())
                    .setParameter("requested", shown.requested())
                    .setParameter("rejected", shown.rejectedNoCapacity())
                    .setParameter("overdue", shown.overdue())
                    .executeUpdate();
        }
        entityManager.createNativeQuery("""
                INSERT INTO coverage_public_demand_taken (period, taken_at) VALUES (:period, :at)
                ON CONFLICT (period) DO UPDATE SET taken_at = excluded.taken_at""")
                .setParameter("period", period.toString()).setParameter("at", Timestamp.from(now)).executeUpdate();
        return now;
    }

    private Instant takenAt(Period period) {
        List<?> taken = entityManager.createNativeQuery("SELECT taken_at FROM coverage_public_demand_taken WHERE period = :period")
                .setParameter("period", period.toString()).getResultList();
        if (taken.isEmpty() || taken.get(0) == null) {
            return null;
        }
        Object value = taken.get(0);
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return (Instant) value;
    }

    /** A published count above zero, or null: a zero is published exactly like a withheld count. */
    static Long positive(Long published) {
        return published == null || published <= 0 ? null : published;
    }

    private static Long count(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
