package org.mitra.awareness.feed;

import static org.mitra.web.feeds.QueryValues.instant;
import static org.mitra.web.feeds.QueryValues.number;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.mitra.awareness.pledge.Pledge;
import org.mitra.feeds.DisclosureControl;
import org.mitra.feeds.DisclosureControl.Cell;
import org.mitra.feeds.DisclosureControl.PublishedCell;
import org.mitra.feeds.DisclosurePolicy;
import org.mitra.feeds.FeedColumn;
import org.mitra.feeds.FeedTable;
import org.mitra.feeds.Period;
import org.mitra.web.feeds.FeedPeriods;
import org.mitra.web.feeds.FeedVersions;
import org.mitra.web.feeds.PeriodicFeed;
import org.mitra.web.feeds.QueryValues;

/**
 * The campaign reach feed for government liaisons, one table per month: counted pledges (one per email
 * and campaign) by campaign, pledge type and country of the pledger; and per activity starting in the
 * month, the places taken (registrations) and the attendance the organization counted. Every count
 * is about people, so each passes disclosure control: pledges as a (campaign, type, country) table,
 * registrations and attendance each as a (campaign, activity) table. Only public campaigns (ACTIVE or
 * ENDED) appear; no pledger, registrant or free text ever does.
 *
 * <p>An ended month is served from a snapshot taken again at most once a day (see {@link FeedVersions}), so an
 * erasure or a cancellation shows with the rest of its day's changes, never within seconds of it. Last-Modified is
 * when the published figures of a month last changed, and never tells when one pledge came in.
 */
@ApplicationScoped
public class ReachFeed implements PeriodicFeed {
    /** When each period last changed what it publishes (see {@link FeedVersions}). */
    static final String VERSIONS = "reach_feed_version";

    static final String ID = "campaign-reach";
    static final String TITLE = "Campaign reach: pledges by type and country, activity registrations and attendance";
    static final String PLEDGES = "pledges";
    static final String ACTIVITY = "activity";
    static final List<FeedColumn> COLUMNS = List.of(
            new FeedColumn("campaignId", "#org+campaign+id", "Id of the campaign"),
            new FeedColumn("campaignSlug", "#org+campaign+code", "Public slug of the campaign"),
            new FeedColumn("campaignTitle", "#org+campaign+name", "Public title of the campaign (English when it has one)"),
            new FeedColumn("section", "#meta+section", "pledges (a pledge row) or activity (an activity row)"),
            new FeedColumn("pledgeType", "#meta+pledge+type", "PERSON or BUSINESS; pledge rows only"),
            new FeedColumn("country", "#country+code", "ISO 3166-1 alpha-2 country the pledgers gave; pledge rows only"),
            new FeedColumn("pledges", "#indicator+pledges+num",
                    "Pledges made in the month (each email once per campaign); empty when withheld"),
            new FeedColumn("activityId", "#activity+id", "Id of the activity; activity rows only"),
            new FeedColumn("activityKind", "#activity+type", "TALK, TRAINING, WORKSHOP or STAND; activity rows only"),
            new FeedColumn("activityStart", "#date+start", "When the activity starts (the month it is counted in)"),
            new FeedColumn("activityRegion", "#adm2+code", "Region code (BPS) of the activity, when given"),
            new FeedColumn("registered", "#indicator+registered+num", "Places taken (waiting lists excluded); empty when withheld"),
            new FeedColumn("attendanceCounted", "#meta+attendance+counted",
                    "true when the organization counted who came; attended is then a figure or withheld"),
            new FeedColumn("attended", "#reached+attended+num",
                    "People who came, as the organization counted them; empty when withheld or not counted"));

    private static final String PUBLIC = "c.status IN ('ACTIVE', 'ENDED')";
    private static final String PLEDGE_COUNTS = """
            SELECT p.campaign_id, p.kind, p.country, count(*) FROM pledge p JOIN campaign c ON c.id = p.campaign_id
            WHERE p.counted AND p.created_at >= :start AND p.created_at < :end AND %s
            GROUP BY p.campaign_id, p.kind, p.country""".formatted(PUBLIC);
    private static final String ACTIVITIES = """
            SELECT a.id, a.campaign_id, a.kind, a.starts_at, a.region_code, a.attendance,
                   (SELECT count(*) FROM registration r WHERE r.activity_id = a.id AND r.status = 'REGISTERED')
            FROM activity a JOIN campaign c ON c.id = a.campaign_id
            WHERE a.starts_at >= :start AND a.starts_at < :end AND %s""".formatted(PUBLIC);
    private static final String CAMPAIGNS = """
            SELECT c.id, c.slug, (SELECT t.title FROM campaign_translation t WHERE t.campaign_id = c.id
                                  ORDER BY CASE WHEN t.language = 'en' THEN 0 ELSE 1 END, t.language LIMIT 1)
            FROM campaign c WHERE c.id IN (:ids)""";

    @Inject
    EntityManager entityManager;

    @Inject
    FeedConfig config;

    @Inject
    FeedPeriods feedPeriods;

    private Clock clock = Clock.systemUTC();

    /** Tests read the feed as it will be once a month has ended. */
    void clock(Clock clock) {
        this.clock = clock;
    }

    /**
     * The ended months with figures (or that had some), oldest first, and the last ended month; only those whose
     * figures changed after {@code since} when given. The open month is never published: figures that move while it
     * runs would let two pulls a minute apart single out the one pledge or registration made in between.
     */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public List<FeedPeriods.Entry> periods(Period.Granularity granularity, Instant since) {
        monthly(granularity);
        Instant now = clock.instant();
        Instant earliest = feedPeriods.earliestKept(VERSIONS, granularity,
                first("SELECT min(p.created_at) FROM pledge p JOIN campaign c ON c.id = p.campaign_id WHERE p.counted AND "
                        + PUBLIC),
                first("SELECT min(a.starts_at) FROM activity a JOIN campaign c ON c.id = a.campaign_id WHERE " + PUBLIC));
        return feedPeriods.list(VERSIONS, granularity, earliest, month -> generate(month, now), since, now);
    }

    /** The table of one ended month as last snapshotted, or empty for the open month or one in the future. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<FeedTable> table(Period period) {
        monthly(period.granularity());
        Instant now = clock.instant();
        return feedPeriods.table(VERSIONS, period, month -> generate(month, now), now);
    }

    private static void monthly(Period.Granularity granularity) {
        if (granularity != Period.Granularity.MONTH) {
            throw new IllegalArgumentException("The reach feed is published per month");
        }
    }

    private Instant first(String sql) {
        return instant(entityManager.createNativeQuery(sql).getSingleResult());
    }

    /** The month's table from its records as they are now; empty when it has no row. */
    private FeedVersions.Generated generate(Period period, Instant now) {
        DisclosurePolicy policy = config.policy();
        Map<List<String>, Long> pledges = new HashMap<>();
        Set<String> countries = new TreeSet<>();
        Set<UUID> campaigns = new HashSet<>();
        for (Object[] row : QueryValues.<Object[]>rows(within(PLEDGE_COUNTS, period).getResultList())) {
            UUID campaign = uuid(row[0]);
            campaigns.add(campaign);
            countries.add(row[2].toString().strip());
            pledges.put(List.of(campaign.toString(), row[1].toString(), row[2].toString().strip()), number(row[3]));
        }
        List<Object[]> activities = QueryValues.rows(within(ACTIVITIES, period).getResultList());
        activities.forEach(row -> campaigns.add(uuid(row[1])));
        Map<UUID, String[]> named = campaigns(campaigns);

        List<List<Object>> rows = new ArrayList<>();
        for (PublishedCell cell : protectPledges(pledges, countries, named, policy)) {
            // A published zero is no row; a withheld zero is a row like any withheld count, or it would hide nothing.
            if (pledges.getOrDefault(cell.key(), 0L) == 0 && !cell.suppressed()) {
                continue;
            }
            UUID campaign = UUID.fromString(cell.key().get(0));
            String[] name = named.get(campaign);
            rows.add(Arrays.asList(campaign.toString(), name[0], name[1], PLEDGES, cell.key().get(1), cell.key().get(2),
                    cell.count(), null, null, null, null, null, null, null));
        }
        rows.addAll(activityRows(activities, named, policy));
        return new FeedVersions.Generated(new FeedTable(TITLE, period.toString(), now, period.start(), policy.threshold(),
                policy.roundingBase(), FeedTable.LICENCE, COLUMNS, rows), rows.isEmpty());
    }

    /** Every (campaign, type, country) combination of the month, zeros included, so each line's total is accounted for. */
    private static List<PublishedCell> protectPledges(Map<List<String>, Long> pledges, Set<String> countries,
            Map<UUID, String[]> named, DisclosurePolicy policy) {
        if (pledges.isEmpty()) {
            return List.of();
        }
        Set<String> campaigns = new TreeSet<>(bySlug(named));
        pledges.keySet().forEach(key -> campaigns.add(key.get(0)));
        List<Cell> cells = new ArrayList<>();
        for (String campaign : campaigns) {
            for (Pledge.Kind kind : Pledge.Kind.values()) {
                for (String country : countries) {
                    List<String> key = List.of(campaign, kind.name(), country);
                    cells.add(new Cell(key, pledges.getOrDefault(key, 0L)));
                }
            }
        }
        return DisclosureControl.protect(cells, policy);
    }

    /** One row per activity; registrations and counted attendance each protected as a (campaign, activity) table. */
    private static List<List<Object>> activityRows(List<Object[]> activities, Map<UUID, String[]> named, DisclosurePolicy policy) {
        List<Object[]> ordered = new ArrayList<>(activities);
        ordered.sort((a, b) -> {
            int bySlug = named.get(uuid(a[1]))[0].compareTo(named.get(uuid(b[1]))[0]);
            if (bySlug != 0) {
                return bySlug;
            }
            int byStart = instant(a[3]).compareTo(instant(b[3]));
            return byStart != 0 ? byStart : a[0].toString().compareTo(b[0].toString());
        });
        List<Cell> registered = new ArrayList<>();
        List<Cell> attended = new ArrayList<>();
        for (Object[] row : ordered) {
            List<String> key = List.of(row[1].toString(), row[0].toString());
            registered.add(new Cell(key, number(row[6])));
            if (row[5] != null) {
                attended.add(new Cell(key, number(row[5])));
            }
        }
        Map<List<String>, Long> publishedRegistered = published(DisclosureControl.protect(registered, policy));
        Map<List<String>, Long> publishedAttended = published(DisclosureControl.protect(attended, policy));
        List<List<Object>> rows = new ArrayList<>();
        for (Object[] row : ordered) {
            UUID campaign = uuid(row[1]);
            String[] name = named.get(campaign);
            List<String> key = List.of(row[1].toString(), row[0].toString());
            rows.add(Arrays.asList(campaign.toString(), name[0], name[1], ACTIVITY, null, null, null,
                    row[0].toString(), row[2].toString(), instant(row[3]).toString(),
                    row[4] == null ? null : row[4].toString().strip(), publishedRegistered.get(key), row[5] != null,
                    row[5] == null ? null : publishedAttended.get(key)));
        }
        return rows;
    }

    private static Map<List<String>, Long> published(List<PublishedCell> cells) {
        Map<List<String>, Long> published = new HashMap<>();
        cells.forEach(cell -> published.put(cell.key(), cell.count()));
        return published;
    }

    /** Slug and public title of each campaign. */
    private Map<UUID, String[]> campaigns(Set<UUID> ids) {
        Map<UUID, String[]> named = new TreeMap<>();
        if (ids.isEmpty()) {
            return named;
        }
        for (Object[] row : QueryValues.<Object[]>rows(
                entityManager.createNativeQuery(CAMPAIGNS).setParameter("ids", new ArrayList<>(ids)).getResultList())) {
            named.put(uuid(row[0]), new String[] {(String) row[1], (String) row[2]});
        }
        return named;
    }

    private Query within(String sql, Period period) {
        return entityManager.createNativeQuery(sql)
                .setParameter("start", Timestamp.from(period.start()))
                .setParameter("end", Timestamp.from(period.end()));
    }

    /** Campaign ids in the order of their slugs, so rows and ties are stable. */
    private static Comparator<String> bySlug(Map<UUID, String[]> named) {
        return Comparator.<String, String>comparing(id -> named.get(UUID.fromString(id))[0]).thenComparing(id -> id);
    }

    private static UUID uuid(Object value) {
        return value instanceof UUID id ? id : UUID.fromString(value.toString());
    }
}
