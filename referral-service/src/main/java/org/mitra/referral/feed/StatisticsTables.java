package org.mitra.referral.feed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.mitra.events.Slice;
import org.mitra.events.referral.ReferralStatus;
import org.mitra.events.referral.Urgency;
import org.mitra.feeds.DisclosureControl;
import org.mitra.feeds.DisclosureControl.Cell;
import org.mitra.feeds.DisclosureControl.PublishedCell;
import org.mitra.feeds.DisclosurePolicy;
import org.mitra.feeds.FeedColumn;
import org.mitra.referral.lifecycle.ServiceOutcome;
import org.mitra.referral.referral.AgeBand;
import org.mitra.referral.referral.Gender;

/**
 * The statistics feed's fixed tables, from a period's counted referrals to the rows it publishes: every table
 * complete (every combination of its attributes, zeros included) and passing disclosure control on its own
 * (primary suppression below k, complementary suppression along every line, rounding down of what is published),
 * and medians withheld where fewer than k referrals are behind them. No database here: {@link StatisticsFeed} reads
 * the referrals and keeps the snapshots.
 */
final class StatisticsTables {
    /** The published groupings, in the order their rows come. */
    public enum Grouping {
        REGION_SLICE_OUTCOME("region-slice-outcome", "Referrals by region, slice and outcome"),
        CATEGORY_URGENCY("category-urgency", "Referrals by category (with its slice) and urgency, the whole coalition"),
        URGENCY_OUTCOME("urgency-outcome", "Referrals by urgency and outcome, the whole coalition"),
        AGE_GENDER_SLICE("ageband-gender-slice", "Referrals by age band, gender and slice, the whole coalition"),
        TIME_TO_ACCEPTANCE("time-to-acceptance", "Per slice: referrals accepted (counts), and the median hours from "
                + "submission to acceptance (withheld below the threshold)"),
        TIME_TO_COMPLETION("time-to-completion", "Per slice: referrals completed (counts), and the median hours from "
                + "submission to completion (withheld below the threshold)"),
        SLICE_SERVICE_OUTCOME("slice-service-outcome", "Per slice: referrals completed, by what came of them for the person "
                + "(got-help, partially-helped, declined-service, lost-contact, referred-on, not-recorded)");

        public final String code;
        public final String description;

        Grouping(String code, String description) {
            this.code = code;
            this.description = description;
        }
    }

    /** A referral's outcome as published: its status now, in five groups. */
    public enum Outcome {
        AWAITING("awaiting", "REQUESTED: not answered yet"),
        ACCEPTED("accepted", "ACCEPTED, IN_PROGRESS or ON_HOLD: taken on, not finished"),
        COMPLETED("completed", "COMPLETED"),
        REJECTED("rejected", "REJECTED by the receiver"),
        ENDED("ended", "FAILED or CANCELLED");

        public final String code;
        public final String description;

        Outcome(String code, String description) {
            this.code = code;
            this.description = description;
        }

        static Outcome of(ReferralStatus status) {
            return switch (status) {
                case REQUESTED -> AWAITING;
                case ACCEPTED, IN_PROGRESS, ON_HOLD -> ACCEPTED;
                case COMPLETED -> COMPLETED;
                case REJECTED -> REJECTED;
                case FAILED, CANCELLED -> ENDED;
                case DRAFT, ENTERED_IN_ERROR -> throw new IllegalArgumentException("Not counted: " + status);
            };
        }
    }

    static final List<FeedColumn> COLUMNS = List.of(
            new FeedColumn("table", "#meta+table", "The grouping the row belongs to (see the feed's description)"),
            new FeedColumn("region", "#adm2+code", "Region code (BPS), no finer than regency; region-slice-outcome only"),
            new FeedColumn("slice", "#sector+code", "advocacy, prevention, intervention or rehabilitation"),
            new FeedColumn("category", "#subsector+code", "Category code of the Mitra taxonomy; category-urgency only"),
            new FeedColumn("urgency", "#meta+urgency", "EMERGENCY, HIGH or ROUTINE"),
            new FeedColumn("outcome", "#status+outcome",
                    "The referral's status now: awaiting, accepted (incl. in progress, on hold), completed, rejected, "
                            + "ended (failed or cancelled)"),
            new FeedColumn("serviceOutcome", "#status+service",
                    "What came of a completed referral for the person, as its receiver recorded it: got-help, "
                            + "partially-helped, declined-service, lost-contact, referred-on or not-recorded; "
                            + "slice-service-outcome only"),
            new FeedColumn("ageBand", "#affected+age", "Age band of the person referred"),
            new FeedColumn("gender", "#affected+gender", "FEMALE, MALE, OTHER or UNKNOWN"),
            new FeedColumn("referrals", "#affected+referred+num",
                    "Referrals submitted in the period (time tables: of those, accepted or completed); rounded down; "
                            + "empty when withheld"),
            new FeedColumn("medianHours", "#indicator+hours+median",
                    "Time tables only: median whole hours from submission to acceptance or completion; empty when "
                            + "fewer referrals than the threshold are behind it"));

    /** One counted referral: only the attributes the tables use, never anything that names it. */
    record Counted(String region, Slice slice, String category, Urgency urgency, Outcome outcome, String ageBand,
            Gender gender, Long secondsToAcceptance, Long secondsToCompletion, String serviceOutcome) {
    }

    /** A completed referral's service outcome as published ({@code got-help}), {@code not-recorded} when it has none. */
    static String serviceOutcomeCode(ServiceOutcome outcome) {
        return outcome == null ? NOT_RECORDED : outcome.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static final String NOT_RECORDED = "not-recorded";

    private StatisticsTables() {
    }

    /**
     * The rows of every table, in the order of {@link Grouping}, each in {@link #COLUMNS} order.
     *
     * @param categories every category code the coalition knows, with its slice, in the order they are published
     */
    static List<List<Object>> rows(List<Counted> referrals, Map<String, Slice> categories, DisclosurePolicy policy) {
        List<List<Object>> rows = new ArrayList<>();
        List<String> regions = new ArrayList<>(new TreeSet<>(referrals.stream().map(Counted::region).toList()));
        List<String> slices = Arrays.stream(Slice.values()).map(Slice::code).toList();
        List<String> outcomes = Arrays.stream(Outcome.values()).map(outcome -> outcome.code).toList();
        List<String> urgencies = Arrays.stream(Urgency.values()).map(Urgency::name).toList();
        List<String> genders = Arrays.stream(Gender.values()).map(Gender::name).toList();

        // Each table's cell key lists its attributes in the order of its dimensions.
        for (PublishedCell cell : table(referrals, List.of(regions, slices, outcomes),
                referral -> List.of(referral.region(), referral.slice().code(), referral.outcome().code), policy)) {
            List<String> key = cell.key();
            rows.add(new Row(Grouping.REGION_SLICE_OUTCOME).region(key.get(0)).slice(key.get(1)).outcome(key.get(2))
                    .referrals(cell.count()).cells());
        }
        for (PublishedCell cell : table(referrals, List.of(new ArrayList<>(categories.keySet()), urgencies),
                referral -> List.of(referral.category(), referral.urgency().name()), policy)) {
            List<String> key = cell.key();
            rows.add(new Row(Grouping.CATEGORY_URGENCY).slice(categories.get(key.get(0)).code()).category(key.get(0))
                    .urgency(key.get(1)).referrals(cell.count()).cells());
        }
        for (PublishedCell cell : table(referrals, List.of(urgencies, outcomes),
                referral -> List.of(referral.urgency().name(), referral.outcome().code), policy)) {
            List<String> key = cell.key();
            rows.add(new Row(Grouping.URGENCY_OUTCOME).urgency(key.get(0)).outcome(key.get(1)).referrals(cell.count())
                    .cells());
        }
        for (PublishedCell cell : table(referrals, List.of(AgeBand.CODES, genders, slices),
                referral -> List.of(referral.ageBand(), referral.gender().name(), referral.slice().code()), policy)) {
            List<String> key = cell.key();
            rows.add(new Row(Grouping.AGE_GENDER_SLICE).ageBand(key.get(0)).gender(key.get(1)).slice(key.get(2))
                    .referrals(cell.count()).cells());
        }
        rows.addAll(times(Grouping.TIME_TO_ACCEPTANCE, referrals, Counted::secondsToAcceptance, slices, policy));
        rows.addAll(times(Grouping.TIME_TO_COMPLETION, referrals, Counted::secondsToCompletion, slices, policy));
        List<String> serviceOutcomes = new ArrayList<>(Arrays.stream(ServiceOutcome.values())
                .map(StatisticsTables::serviceOutcomeCode).toList());
        serviceOutcomes.add(NOT_RECORDED);
        List<Counted> completed = referrals.stream().filter(referral -> referral.outcome() == Outcome.COMPLETED).toList();
        for (PublishedCell cell : table(completed, List.of(slices, serviceOutcomes),
                referral -> List.of(referral.slice().code(), referral.serviceOutcome()), policy)) {
            List<String> key = cell.key();
            rows.add(new Row(Grouping.SLICE_SERVICE_OUTCOME).slice(key.get(0)).serviceOutcome(key.get(1))
                    .referrals(cell.count()).cells());
        }
        return rows;
    }

    /** Every combination of the dimensions' values, zeros included, counted and protected. */
    private static List<PublishedCell> table(List<Counted> referrals, List<List<String>> dimensions,
            Function<Counted, List<String>> keyOf, DisclosurePolicy policy) {
        Map<List<String>, Long> counts = new HashMap<>();
        referrals.forEach(referral -> counts.merge(keyOf.apply(referral), 1L, Long::sum));
        List<Cell> cells = new ArrayList<>();
        for (List<String> key : combinations(dimensions)) {
            cells.add(new Cell(key, counts.getOrDefault(key, 0L)));
        }
        return DisclosureControl.protect(cells, policy);
    }

    private static List<List<String>> combinations(List<List<String>> dimensions) {
        List<List<String>> keys = List.of(List.of());
        for (List<String> values : dimensions) {
            List<List<String>> longer = new ArrayList<>();
            for (List<String> key : keys) {
                for (String value : values) {
                    List<String> next = new ArrayList<>(key);
                    next.add(value);
                    longer.add(List.copyOf(next));
                }
            }
            keys = longer;
        }
        return keys;
    }

    /** Per slice: how many referrals reached the step (protected as a one-attribute table) and their median time. */
    private static List<List<Object>> times(Grouping grouping, List<Counted> referrals, Function<Counted, Long> seconds,
            List<String> slices, DisclosurePolicy policy) {
        Map<String, List<Long>> durations = new HashMap<>();
        for (Counted referral : referrals) {
            Long duration = seconds.apply(referral);
            if (duration != null) {
                durations.computeIfAbsent(referral.slice().code(), ignored -> new ArrayList<>()).add(duration);
            }
        }
        List<Cell> cells = slices.stream()
                .map(slice -> new Cell(List.of(slice), durations.getOrDefault(slice, List.of()).size()))
                .toList();
        List<List<Object>> rows = new ArrayList<>();
        for (PublishedCell cell : DisclosureControl.protect(cells, policy)) {
            List<Long> behind = durations.getOrDefault(cell.key().get(0), List.of());
            Long median = behind.size() >= policy.threshold() ? medianHours(behind) : null;
            rows.add(new Row(grouping).slice(cell.key().get(0)).referrals(cell.count()).medianHours(median).cells());
        }
        return rows;
    }

    /** The median of the durations, in whole hours (rounded to the nearest). */
    static long medianHours(List<Long> seconds) {
        List<Long> sorted = seconds.stream().sorted().toList();
        int middle = sorted.size() / 2;
        double median = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
        return Math.round(median / 3600.0);
    }

    /**
     * One row of the document, built by naming the attributes its table has; every other column stays empty. The
     * one place that knows the order of {@link #COLUMNS}.
     */
    private static final class Row {
        private final Grouping table;
        private String region;
        private String slice;
        private String category;
        private String urgency;
        private String outcome;
        private String serviceOutcome;
        private String ageBand;
        private String gender;
        private Long referrals;
        private Long medianHours;

        Row(Grouping table) {
            this.table = table;
        }

        Row region(String region) {
            this.region = region;
            return this;
        }

        Row slice(String slice) {
            this.slice = slice;
            return this;
        }

        Row category(String category) {
            this.category = category;
            return this;
        }

        Row urgency(String urgency) {
            this.urgency = urgency;
            return this;
        }

        Row outcome(String outcome) {
            this.outcome = outcome;
            return this;
        }

        Row serviceOutcome(String serviceOutcome) {
            this.serviceOutcome = serviceOutcome;
            return this;
        }

        Row ageBand(String ageBand) {
            this.ageBand = ageBand;
            return this;
        }

        Row gender(String gender) {
            this.gender = gender;
            return this;
        }

        /** The published count, null when withheld. */
        Row referrals(Long referrals) {
            this.referrals = referrals;
            return this;
        }

        /** Time tables only: the median whole hours, null when withheld. */
        Row medianHours(Long medianHours) {
            this.medianHours = medianHours;
            return this;
        }

        /** The row's cells in {@link #COLUMNS} order, empty ones null. */
        List<Object> cells() {
            return Arrays.asList(table.code, region, slice, category, urgency, outcome, serviceOutcome, ageBand, gender,
                    referrals, medianHours);
        }
    }

    /** The JSON header's description of the fixed tables and of the outcomes each status counts as. */
    static Map<String, Object> publishedTables() {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("tables", Arrays.stream(Grouping.values())
                .map(grouping -> Map.of("table", grouping.code, "description", grouping.description)).toList());
        header.put("outcomes", Arrays.stream(Outcome.values())
                .map(outcome -> Map.of("outcome", outcome.code, "statuses", outcome.description)).toList());
        return header;
    }

    static String describe() {
        StringBuilder text = new StringBuilder();
        for (Grouping grouping : Grouping.values()) {
            text.append(grouping.code).append(": ").append(grouping.description).append(". ");
        }
        return text.toString().strip();
    }
}
