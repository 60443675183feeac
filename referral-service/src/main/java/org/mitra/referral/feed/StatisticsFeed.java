package org.mitra.referral.feed;

import static org.mitra.web.feeds.QueryValues.instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mitra.events.Slice;
import org.mitra.events.referral.ReferralStatus;
import org.mitra.events.referral.Urgency;
import org.mitra.referral.lifecycle.ServiceOutcome;
import org.mitra.feeds.DisclosurePolicy;
import org.mitra.feeds.FeedTable;
import org.mitra.feeds.Period;
import org.mitra.referral.feed.StatisticsTables.Counted;
import org.mitra.referral.feed.StatisticsTables.Outcome;
import org.mitra.referral.referral.Gender;
import org.mitra.web.feeds.FeedPeriods;
import org.mitra.web.feeds.FeedVersions;
import org.mitra.web.feeds.PeriodicFeed;
import org.mitra.web.feeds.QueryValues;

/**
 * The referral statistics feed for government liaisons, one document per quarter (or month): counts of
 * referrals over a fixed, published set of tables of at most three attributes each, and the median time
 * to acceptance and to completion per slice. Nothing else can be asked for: no free filters.
 *
 * <p>A referral counts in the period it was submitted (its {@code requested_at}); its outcome is its status
 * when the period's snapshot was taken, so a past period's figures follow its referrals to their end, a day at a
 * time: each closed period is served from a snapshot taken again at most once a day (see {@link FeedVersions}), so a
 * late rejection or completion shows only with the rest of its day's changes; Last-Modified says when the published
 * figures last changed.
 * Drafts and referrals marked entered-in-error are never counted.
 *
 * <p>Every table is complete (every combination of its attributes, zeros included) and passes
 * disclosure control on its own: primary suppression below k, complementary suppression along every
 * line, rounding down of what is published. Medians are withheld where fewer than k referrals are behind
 * them. The tables are made in {@link StatisticsTables}; this class reads the referrals and keeps the snapshots.
 */
@ApplicationScoped
public class StatisticsFeed implements PeriodicFeed {
    /** When each period last changed what it publishes (see {@link FeedVersions}). */
    static final String VERSIONS = "statistics_feed_version";

    static final String ID = "statistics";
    static final String TITLE = "Referrals between the coalition's organizations: counts by period and outcome, time to acceptance and completion";

    private static final String REFERRALS = """
            SELECT r.region_code AS region, r.slice AS slice, r.category_code AS category, r.urgency AS urgency,
                   r.outcome AS service_outcome,
                   r.status AS status, r.age_band AS age_band, r.gender AS gender, r.requested_at AS requested_at,
                   (SELECT min(h.occurred_at) FROM referral_history h WHERE h.referral_id = r.id AND h.to_status = 'ACCEPTED')
                       AS accepted_at,
                   (SELECT min(h.occurred_at) FROM referral_history h WHERE h.referral_id = r.id AND h.to_status = 'COMPLETED')
                       AS completed_at
            FROM referral r
            WHERE r.requested_at >= :start AND r.requested_at < :end AND r.status NOT IN ('DRAFT', 'ENTERED_IN_ERROR')""";
    private static final String COUNTED = "requested_at IS NOT NULL AND status NOT IN ('DRAFT', 'ENTERED_IN_ERROR')";

    @Inject
    EntityManager entityManager;

    @Inject
    FeedConfig config;

    @Inject
    FeedPeriods feedPeriods;

    Clock clock = Clock.systemUTC();

    /**
     * A row of {@link #REFERRALS}, by its column aliases: the attributes, and the seconds from submission
     * ({@code requested_at}) to the first acceptance ({@code accepted_at}) and completion ({@code completed_at}),
     * each null when the referral never got there.
     */
    private static Counted counted(Tuple row) {
        Instant requested = instant(row.get("requested_at"));
        return new Counted(row.get("region", String.class).strip(), Slice.valueOf(row.get("slice", String.class)),
                row.get("category", String.class), Urgency.valueOf(row.get("urgency", String.class)),
                Outcome.of(ReferralStatus.valueOf(row.get("status", String.class))), row.get("age_band", String.class),
                Gender.valueOf(row.get("gender", String.class)), secondsSince(requested, instant(row.get("accepted_at"))),
                secondsSince(requested, instant(row.get("completed_at"))),
                StatisticsTables.serviceOutcomeCode(row.get("service_outcome") == null ? null
                        : ServiceOutcome.valueOf(row.get("service_outcome", String.class))));
    }

    private static Long secondsSince(Instant requested, Instant reached) {
        return reached == null ? null : Math.max(0, reached.getEpochSecond() - requested.getEpochSecond());
    }

    /**
     * The closed periods with referrals (or that had some), oldest first, and the last closed one; only those whose
     * published figures changed after {@code since} when given. The open period is never published: figures that
     * move while it runs would let two pulls a minute apart single out the one referral made in between. A closed
     * period is served from its snapshot, taken again at most once a day (see {@link FeedVersions}).
     */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public List<FeedPeriods.Entry> periods(Period.Granularity granularity, Instant since) {
        Instant now = clock.instant();
        Instant earliest = feedPeriods.earliestKept(VERSIONS, granularity, instant(entityManager.createNativeQuery(
                "SELECT min(requested_at) FROM referral WHERE " + COUNTED).getSingleResult()));
        return feedPeriods.list(VERSIONS, granularity, earliest, period -> generate(period, now), since, now);
    }

    /** The document of one closed period as last snapshotted, or empty for the open period or one in the future. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<FeedTable> table(Period period) {
        Instant now = clock.instant();
        return feedPeriods.table(VERSIONS, period, closed -> generate(closed, now), now);
    }

    /** The period's document from its referrals as they are now; empty when it counted none. */
    private FeedVersions.Generated generate(Period period, Instant now) {
        DisclosurePolicy policy = config.policy();
        List<Counted> referrals = tuples(entityManager.createNativeQuery(REFERRALS, Tuple.class)
                .setParameter("start", Timestamp.from(period.start()))
                .setParameter("end", Timestamp.from(period.end())))
                .stream().map(StatisticsFeed::counted).toList();
        Map<String, Slice> categories = new LinkedHashMap<>();
        for (Tuple row : tuples(entityManager.createNativeQuery(
                "SELECT code AS category, slice AS slice FROM category ORDER BY slice, code", Tuple.class))) {
            categories.put(row.get("category", String.class), Slice.valueOf(row.get("slice", String.class)));
        }
        referrals.forEach(referral -> categories.putIfAbsent(referral.category(), referral.slice()));

        List<List<Object>> rows = StatisticsTables.rows(referrals, categories, policy);
        FeedTable table = new FeedTable(TITLE, period.toString(), now, period.start(), policy.threshold(),
                policy.roundingBase(), FeedTable.LICENCE, StatisticsTables.COLUMNS, rows);
        return new FeedVersions.Generated(table, referrals.isEmpty());
    }

    /** The rows of a native query created with {@link Tuple} results, read by their column aliases. */
    private static List<Tuple> tuples(Query query) {
        return QueryValues.rows(query.getResultList());
    }
}
